// The production server: Next's request handler behind a plain Node HTTP server, for one reason — Next keeps a
// client's own X-Forwarded-For and tells the app nothing else about the socket, so a client could choose the
// address sign-in throttling counts it under. Here every request gets the socket's peer address and whether the
// socket is TLS, under names no client can set (any value it sent is replaced). lib/http/client-ip.ts reads them,
// and believes X-Forwarded-* only as far as TRUST_PROXY says (docs/security.md, "Sign-in throttling").
import { createServer } from "node:http";
import next from "next";

// LISTEN_HOST, not HOSTNAME: shells and containers set HOSTNAME to the machine's name.
const port = Number(process.env.PORT || 3000);
const hostname = process.env.LISTEN_HOST || undefined;
// Next is told "localhost" whatever the listening address: it compares the address proxy.ts rewrites to (written
// with the host "localhost") with this one, and with 127.0.0.1 here it fetched every rewrite from itself over HTTP
// (docs/operations.md).
const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  req.headers["x-claimwatch-peer"] = req.socket.remoteAddress ?? "unknown";
  req.headers["x-claimwatch-peer-tls"] = "encrypted" in req.socket && req.socket.encrypted ? "1" : "0";
  void handle(req, res);
});
// Longer than any client's or proxy's idle keep-alive: with Node's 5 s, a client that reused a connection just as
// the server closed it got ECONNRESET (seen under load in e2e/fuzz-reader.spec.ts). headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`> Claimwatch ready on http://${hostname ?? "localhost"}:${port}`);
});

// A restart behind a proxy (deploy/claimwatch@.service, scripts/stack.sh) must not cut requests in flight: stop
// accepting, let open requests finish, close idle keep-alive connections, then exit — after 15 s at the latest.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 15_000).unref();
  });
}

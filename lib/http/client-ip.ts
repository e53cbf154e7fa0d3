// Who is asking, as far as the server can know it. scripts/server.mjs writes the socket's peer address (and whether
// the socket is TLS) into PEER_HEADER / PEER_TLS_HEADER on every request, replacing anything a client sent under
// those names. X-Forwarded-For, -Proto and -Host are believed only as far as TRUST_PROXY says reverse proxies of
// ours stand in front (lib/env.ts): a client can send any of them itself.

export const PEER_HEADER = "x-claimwatch-peer";
export const PEER_TLS_HEADER = "x-claimwatch-peer-tls";
export const IP_MAX = 64;

type HeaderBag = { get(name: string): string | null };

const entries = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The client's address. With no trusted proxy, the socket's peer. With N trusted proxies, each of which appended
 * the address it saw to X-Forwarded-For, the right-most address none of them added: the Nth entry from the right of
 * X-Forwarded-For followed by the peer (the left-most entry when the list is shorter). Anything left of it is
 * whatever the client wrote and is never believed.
 */
export function clientIp(headers: HeaderBag, trustProxy: number): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  const chain = trustProxy > 0 ? [...entries(headers.get("x-forwarded-for")), peer] : [peer];
  const ip = chain[chain.length - 1 - trustProxy] ?? chain[0] ?? peer;
  return ip.slice(0, IP_MAX);
}

/**
 * The origin (scheme, host and port) this request was addressed to: from the Host header and the socket, or, behind
 * trusted proxies, from the X-Forwarded-Host and X-Forwarded-Proto the nearest one set.
 */
export function requestOrigin(headers: HeaderBag, trustProxy: number): string | null {
  const peerProto = headers.get(PEER_TLS_HEADER) === "1" ? "https" : "http";
  const host = (trustProxy > 0 ? entries(headers.get("x-forwarded-host")).at(-1) : undefined) ?? headers.get("host");
  const proto = (trustProxy > 0 ? entries(headers.get("x-forwarded-proto")).at(-1) : undefined) ?? peerProto;
  if (!host || (proto !== "http" && proto !== "https")) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

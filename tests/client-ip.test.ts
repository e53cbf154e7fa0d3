import { describe, expect, it } from "vitest";
import { PEER_HEADER, PEER_TLS_HEADER, clientIp, requestOrigin } from "@/lib/http/client-ip";
import { checkOrigin } from "@/lib/http/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientIp", () => {
  it("with TRUST_PROXY off, is the socket's peer and ignores X-Forwarded-For and X-Real-IP", () => {
    const headers = h({ [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.2" });
    expect(clientIp(headers, 0)).toBe("192.0.2.10");
    // Rotating X-Forwarded-For changes nothing.
    expect(clientIp(h({ [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.8" }), 0)).toBe("192.0.2.10");
    expect(clientIp(h({}), 0)).toBe("unknown");
  });

  it("with one trusted proxy, is the right-most address that proxy did not add", () => {
    // The client wrote "1.2.3.4" itself; the proxy appended the address it saw; the peer is the proxy.
    const headers = h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.7" });
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
    expect(clientIp(headers, 2)).toBe("1.2.3.4");
    // Fewer hops than trusted proxies: the left-most there is.
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "x".repeat(500) }), 1)).toHaveLength(64);
  });
});

describe("the Origin check", () => {
  it("compares scheme, host and port", () => {
    expect(checkOrigin("https://news.example", "https://news.example")).toBe("same");
    expect(checkOrigin("https://news.example", "https://news.example/")).toBe("same");
    expect(checkOrigin("http://news.example", "https://news.example")).toBe("foreign");
    expect(checkOrigin("https://news.example", "http://news.example")).toBe("foreign");
    expect(checkOrigin("https://news.example:8443", "https://news.example")).toBe("foreign");
    expect(checkOrigin("https://evil.example", "https://news.example")).toBe("foreign");
    expect(checkOrigin("null", "https://news.example")).toBe("foreign");
    expect(checkOrigin(null, "https://news.example")).toBe("missing");
  });

  it("takes the request's own origin from the socket, or from a trusted proxy's headers", () => {
    const plain = h({ host: "127.0.0.1:3320", [PEER_TLS_HEADER]: "0", "x-forwarded-proto": "https" });
    expect(requestOrigin(plain, 0)).toBe("http://127.0.0.1:3320"); // the client's X-Forwarded-Proto is ignored
    expect(checkOrigin("https://127.0.0.1:3320", requestOrigin(plain, 0))).toBe("foreign");
    const proxied = h({
      host: "app:3000",
      [PEER_TLS_HEADER]: "0",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "news.example",
    });
    expect(requestOrigin(proxied, 1)).toBe("https://news.example");
    expect(checkOrigin("http://news.example", requestOrigin(proxied, 1))).toBe("foreign");
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshServerCache } from "@/lib/data/refresh-server-cache";
import { parseEnv } from "@/lib/env";
import { hstsHeader, nonceCsp, readerCsp } from "@/lib/http/response-headers";

const SECRET = "a-revalidation-secret-of-32-chars-or-more";

describe("refreshServerCache (the CLI's call to POST /api/revalidate)", () => {
  let server: http.Server;
  let url: string;
  const seen: { path?: string; auth?: string; method?: string }[] = [];
  beforeAll(async () => {
    // A stand-in for the running server that accepts only SECRET, as app/api/revalidate/route.ts does.
    server = http.createServer((req, res) => {
      seen.push({ path: req.url, auth: req.headers.authorization, method: req.method });
      res.statusCode = req.headers.authorization === `Bearer ${SECRET}` ? 200 : 401;
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("without a secret, says how long readers may wait and calls nothing", async () => {
    const before = seen.length;
    expect(await refreshServerCache(parseEnv({ REVALIDATE_URL: url }))).toMatch(
      /REVALIDATE_SECRET is not set: readers see the change within about 5 minutes/,
    );
    expect(seen.length).toBe(before);
  });

  it("with the secret, asks the server at REVALIDATE_URL and says it refreshed", async () => {
    expect(await refreshServerCache(parseEnv({ REVALIDATE_SECRET: SECRET, REVALIDATE_URL: url }))).toMatch(
      /refreshed its page cache/,
    );
    expect(seen.at(-1)).toEqual({ path: "/api/revalidate", auth: `Bearer ${SECRET}`, method: "POST" });
  });

  it("a different secret on the server, or no server at all, is reported, never thrown", async () => {
    expect(await refreshServerCache(parseEnv({ REVALIDATE_SECRET: `${SECRET}-other`, REVALIDATE_URL: url }))).toMatch(
      /REVALIDATE_SECRET differs/,
    );
    expect(
      await refreshServerCache(parseEnv({ REVALIDATE_SECRET: SECRET, REVALIDATE_URL: "http://127.0.0.1:9" })),
    ).toMatch(/No server answered/);
  });

  it("refuses a short secret at start-up", () => {
    expect(() => parseEnv({ REVALIDATE_SECRET: "short" })).toThrow(/REVALIDATE_SECRET/);
  });
});

describe("response headers", () => {
  it("HSTS only for an https site", () => {
    expect(hstsHeader("https://claims.example.org")["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(hstsHeader("http://localhost:3000")).toEqual({});
  });

  it("reader pages allow inline scripts (no nonce is possible in a shared cached page); signed-in pages use a nonce", () => {
    expect(readerCsp()).toContain("script-src 'self' 'unsafe-inline'");
    const strict = nonceCsp("abc123", false);
    expect(strict).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(strict).not.toContain("unsafe-eval");
    expect(nonceCsp("abc123", true)).toContain("'unsafe-eval'");
    for (const csp of [readerCsp(), strict]) {
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
    }
  });
});

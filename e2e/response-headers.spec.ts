import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim } from "@/test-support/builders";
import { actionId, callAction } from "./server-actions";

// The security headers and the Cache-Control of every kind of response (docs/decisions/0011-page-cache.md):
// what a shared cache may keep is public with a short s-maxage; what depends on a session is private, no-store.

const PUBLIC = "public, s-maxage=30, stale-while-revalidate=300";

function expectSecurityHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toBe("camera=(), microphone=(), geolocation=()");
  expect(h["x-frame-options"], what).toBe("DENY");
}

/** The CSP every page carries; returns its script-src. */
function expectPageCsp(response: APIResponse, what: string): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-eval");
  return /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
}

function expectPrivate(response: APIResponse, what: string) {
  const cacheControl = response.headers()["cache-control"] ?? "";
  expect(cacheControl, what).toContain("private");
  expect(cacheControl, what).toContain("no-store");
}

test("reader pages: public and cacheable, the same for everyone, with the reader CSP", async ({
  request,
  db,
  editor,
}) => {
  const claim = await makeTestClaim(db);
  const { cookie } = editor;
  for (const path of [
    "/",
    `/claims/${claim.slug}`,
    "/claims?status=DISPUTED",
    `/actors/${claim.claimant.slug}`,
    "/actors",
    "/corrections",
    "/corrections/page/2",
    "/corrections?page=abc", // shown through /corrections/page/abc with its notice (proxy.ts)
    "/methodology",
  ]) {
    for (const headers of [{}, { cookie }] as Record<string, string>[]) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response, path);
      expect(response.headers()["cache-control"], path).toBe(PUBLIC);
      expect(response.headers()["set-cookie"], path).toBeUndefined();
      expect(expectPageCsp(response, path)).toBe("'self' 'unsafe-inline'");
    }
  }
});

test("API, CSV and feed: public and cacheable", async ({ request }) => {
  for (const path of ["/api/claims?status=DISPUTED", "/api/claims.csv?status=DISPUTED", "/feed.xml"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
    expect(response.headers()["cache-control"], path).toBe(PUBLIC);
  }
});

test("signed-in pages and login: private, no-store, with a fresh nonce in a strict script-src", async ({
  request,
  editor,
}) => {
  const { cookie } = editor;
  const nonces = new Set<string>();
  for (const [path, headers] of [
    ["/login", {}],
    ["/login", {}],
    ["/editor", { cookie }],
    ["/editor/claims/new", { cookie }],
  ] as const) {
    const response = await request.get(path, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
    expectPrivate(response, path);
    const scriptSrc = expectPageCsp(response, path);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(scriptSrc, path).toContain("'strict-dynamic'");
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    // Next puts the nonce on its own scripts, so the page still hydrates.
    expect(await response.text(), path).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(4);
});

test("a Server Action response is never stored", async ({ request, db, editor }) => {
  const claim = await makeTestClaim(db);
  const { cookie } = editor;
  const response = await callAction(
    request,
    actionId("changeStatusAction", "status-actions"),
    [{ claimId: claim.id, version: 1, status: "IN_REVIEW", rationale: "Checking the headers." }],
    {
      path: `/editor/claims/${claim.id}`,
      cookie,
    },
  );
  expect(response.result).toMatchObject({ ok: true });
  // Next's action handler sets this itself, over the proxy's "private, no-store": no-store already keeps every
  // cache, shared or not, from storing it.
  expect(response.headers["cache-control"]).toBe("no-cache, no-store, max-age=0, must-revalidate");
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["x-frame-options"]).toBe("DENY");
});

test("404, 403 and the redirect to login: security headers, never stored", async ({ request, editor }) => {
  const { cookie } = editor;
  const cases: [string, Record<string, string>, number][] = [
    ["/claims/no-such-claim-anywhere", {}, 404],
    ["/actors/no-such-actor-anywhere", {}, 404],
    ["/no-such-page", {}, 404],
    ["/admin", { cookie }, 403],
    ["/editor", {}, 307],
    ["/corrections?page=2", {}, 308], // an old link to a page of corrections (proxy.ts)
  ];
  for (const [path, headers, status] of cases) {
    const response = await request.get(path, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
    expect(response.headers()["cache-control"] ?? "", path).toContain("no-store");
    if (status !== 307) expectPageCsp(response, path);
  }
  // A missing claim still gets a whole page, not an empty body.
  expect(await (await request.get("/claims/no-such-claim-anywhere")).text()).toContain("Page not found");
});

test("Strict-Transport-Security only when SITE_URL is https", async ({ request }) => {
  // The e2e server runs with the default http SITE_URL; lib/http/response-headers.ts decides the https case.
  const response = await request.get("/methodology");
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

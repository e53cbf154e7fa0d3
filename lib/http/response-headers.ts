// The headers proxy.ts sets: those that depend on the page or the runtime environment. The ones that are the same
// on every response (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options) are in next.config.js, which
// also reaches build assets (docs/decisions/0011-page-cache.md).

/** Shared caches (a CDN) may keep a reader response 30 s and serve it stale for 300 s more while refetching. */
export const PUBLIC_CACHE_CONTROL = "public, s-maxage=30, stale-while-revalidate=300";
/** Anything that depends on who is asking: never stored anywhere. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

const COMMON_CSP = [
  "default-src 'self'",
  // Inline <style> in the self-contained 403 page, and style attributes React may write.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Reader pages are cached and shared by every visitor, so they cannot carry a per-request nonce, and Next writes
 * the page's data as inline scripts whose content changes with every edit, so hashes cannot be listed either:
 * 'unsafe-inline' is the only script-src that lets them hydrate. It is acceptable because reader pages render no
 * HTML from input (React escapes every value; the JSON-LD is escaped in lib/domain/claim-review.ts) and work
 * whole without JavaScript.
 */
export function readerCsp(): string {
  return ["script-src 'self' 'unsafe-inline'", ...COMMON_CSP].join("; ");
}

/**
 * Signed-in pages render per request, so each gets a nonce that Next adds to its own scripts (it reads the nonce
 * from this header on the request); 'strict-dynamic' lets those scripts load the page's chunks. React needs eval
 * only in development.
 */
export function nonceCsp(nonce: string, development: boolean): string {
  return [
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    ...COMMON_CSP,
  ].join("; ");
}

/** HSTS only where the site is served over https: on plain http a browser ignores it, and it would mislead. */
export function hstsHeader(siteUrl: string): Record<string, string> {
  return siteUrl.startsWith("https:") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

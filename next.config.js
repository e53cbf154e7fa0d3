// @ts-check
import { fileURLToPath } from "node:url";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { redisSettings } from "./lib/cache/redis-settings.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // 'use cache' + cacheTag for reads; request-dependent pages opt into blocking rendering
  // (docs/decisions/0003-caching.md).
  cacheComponents: true,
  // Off: with it, every per-request page carried a second copy of its content for prefetching (204 KB → 124 KB
  // for /claims), and these pages render per request anyway (docs/decisions/0003-caching.md).
  partialPrefetching: false,
  cacheLife: {
    // Reader data and the pages made from it. In-app writes, and the CLI through /api/revalidate, invalidate by tag
    // at once; this only bounds how long a write the server is not told of (the CLI without REVALIDATE_SECRET, a
    // second instance) can stay unseen: 5 minutes. Not shorter: every cached page that is read after it goes stale is
    // rendered again in the background, and with 30 s the renders of thousands of read pages crowded out the
    // requests (docs/performance.md).
    claims: { stale: 30, revalidate: 300, expire: 3600 },
  },
  // Memory for each of Next's two in-process caches (whole reader pages, and 'use cache' data), least recently used
  // dropped first. A claim page is about 80 KB of HTML and RSC payload: Next's default of 50 MB held about 600, so
  // a busy hour across thousands of claims kept rendering pages it had just thrown away. Read by `next start`, so it
  // can be changed without a rebuild (docs/operations.md).
  cacheMaxMemorySize: Number(process.env.CACHE_MEMORY_MB || 512) * 1024 * 1024,
  serverExternalPackages: ["@node-rs/argon2"],
  experimental: {
    // forbidden() for the 403 page an editor gets at /admin.
    authInterrupts: true,
    // Forms send a few kilobytes: 1 MB for every Server Action, checked by the proxy before Next decodes a body
    // (lib/http/action-request.ts). The 50 MB import upload is a route
    // handler the proxy does not see, which counts bytes as they arrive (docs/decisions/0016-small-request-bodies.md).
    serverActions: { bodySizeLimit: "1mb" },
    // Twice that, so the proxy can tell a body over 1 MB (refused with 413) from one it had to cut.
    proxyClientMaxBodySize: "2mb",
  },
  poweredByHeader: false,
  // The security headers that are the same on every response, build assets included. proxy.ts adds what depends
  // on the page or the runtime environment: the CSP, HSTS and Cache-Control (docs/decisions/0011-page-cache.md).
  async headers() {
    const headers = {
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "X-Frame-Options": "DENY",
    };
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
  typedRoutes: false,
};

/**
 * With REDIS_URL, a running server (`next start`, scripts/server.mjs) keeps both of Next's caches in Redis, shared by
 * every instance (docs/decisions/0032-shared-cache-in-redis.md). Only at run time: `next build` and `next dev` keep
 * the built-in caches, so a build never writes into the Redis a running deployment reads. Without REDIS_URL nothing
 * changes. A REDIS_URL that cannot work stops start-up here, naming the key.
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export default function config(phase) {
  const redis = redisSettings(process.env);
  if (!redis || phase !== PHASE_PRODUCTION_SERVER) return nextConfig;
  const handler = (/** @type {string} */ file) => fileURLToPath(new URL(`./lib/cache/${file}`, import.meta.url));
  return {
    ...nextConfig,
    cacheHandler: handler("redis-page-cache-handler.js"),
    cacheHandlers: { default: handler("redis-use-cache-handler.js") },
  };
}

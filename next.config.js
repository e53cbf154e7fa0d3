// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // 'use cache' + cacheTag for reads; request-dependent pages opt into blocking rendering
  // (docs/decisions/0003-caching.md).
  cacheComponents: true,
  // Off: with it, every per-request page carried a second copy of its content for prefetching (204 KB → 124 KB
  // for /claims), and these pages render per request anyway (docs/decisions/0003-caching.md).
  partialPrefetching: false,
  cacheLife: {
    // Reader data. In-app writes invalidate by tag at once; this bounds how long a write made outside the server
    // (seed, import, a second instance) can stay unseen.
    claims: { stale: 30, revalidate: 30, expire: 300 },
  },
  serverExternalPackages: ["@node-rs/argon2"],
  experimental: {
    // forbidden() for the 403 page an editor gets at /admin.
    authInterrupts: true,
    // /admin/import takes files up to 50 MB (lib/validation/import.ts), refused with its own message above that;
    // the framework's limits sit a little higher so that message is what an admin sees. Every Server Action (and
    // the proxy, which buffers /admin requests) then accepts bodies of this size: put a tighter limit for other
    // paths in the reverse proxy in front (docs/decisions/0005-import-upload-body-limit.md).
    serverActions: { bodySizeLimit: "55mb" },
    proxyClientMaxBodySize: "55mb",
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

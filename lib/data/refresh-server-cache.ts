import { REVALIDATE_PATH } from "@/lib/data/cache-tags";
import type { Env } from "@/lib/env";

// Called by CLIs that write the database in their own process (db:seed, db:import, db:restore): they cannot
// invalidate the running server's cache themselves, so they ask it to (app/api/revalidate/route.ts). Never fails
// the CLI: the write is done; this only decides how soon readers see it. The returned line is for the operator.

/** How long readers may see the old data when the server is not told: the "claims" cacheLife in next.config.js. */
const UNTOLD =
  "readers see the change within about 5 minutes (the page cache's revalidate time), or after a server restart";

export async function refreshServerCache(env: Env, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (!env.REVALIDATE_SECRET) return `REVALIDATE_SECRET is not set: ${UNTOLD}.`;
  const url = new URL(REVALIDATE_PATH, env.REVALIDATE_URL ?? env.SITE_URL);
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.REVALIDATE_SECRET}` },
      signal: AbortSignal.timeout(5000),
    });
    if (response.ok) return `The server at ${url.origin} refreshed its page cache: readers see the change now.`;
    const why =
      response.status === 401 ? "its REVALIDATE_SECRET differs from this one" : `it answered ${response.status}`;
    return `The server at ${url.origin} did not refresh its cache (${why}): ${UNTOLD}.`;
  } catch {
    return `No server answered at ${url.origin} (set REVALIDATE_URL if it runs elsewhere); a server started later reads the new data.`;
  }
}

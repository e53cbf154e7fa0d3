// proxy.ts asks, before every claim or actor page, whether its slug names something published, so that a missing
// one answers a real 404 (docs/decisions/0011-page-cache.md). Asked of the database each time, that check cost as
// much as serving the cached page itself, so its answers are remembered here for a moment:
// - every write that expires reader pages in this process forgets them all at once (lib/actions/run-action.ts,
//   app/api/revalidate/route.ts), so an unpublished claim still answers 404 on the next request;
// - a write this process is not told of (another instance, a CLI without the revalidation secret) is seen within
//   TTL_MS;
// - the map is bounded: past MAX_ENTRIES (random slugs from a crawler) it starts again.
// The proxy and the pages are bundled separately, so the memo lives on globalThis to be one per process.

export const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
const KEY = Symbol.for("claimwatch.publicPageMemo");

type Memo = Map<string, { exists: boolean; until: number }>;

function memo(): Memo {
  const scope = globalThis as typeof globalThis & { [KEY]?: Memo };
  return (scope[KEY] ??= new Map());
}

/** The remembered answer for `key`, or `read()`'s, remembered for TTL_MS. */
export async function rememberedExists(key: string, read: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
  const entries = memo();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.exists;
  const exists = await read();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { exists, until: now + TTL_MS });
  return exists;
}

/** Called with every expiry of reader pages: the next check reads the database again. */
export function forgetPublicPages(): void {
  memo().clear();
}

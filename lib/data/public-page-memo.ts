// proxy.ts asks, before every claim or actor page, whether its slug names something readers may see (and whether a
// claim was withdrawn, which answers 410), so that a missing one answers a real 404 (docs/decisions/0011-page-cache.md,
// 0022-withdrawn-claims-answer-410.md). Asked of the database each time, that check cost as much as serving the
// cached page itself, so its answers are remembered here for a moment:
// - every write that expires reader pages in this process forgets them all at once (lib/actions/run-action.ts,
//   app/api/revalidate/route.ts), so an unpublished claim still answers 404 on the next request;
// - a write this process is not told of (another instance, a CLI without the revalidation secret) is seen within
//   TTL_MS;
// - the map is bounded: past MAX_ENTRIES (random slugs from a crawler) it starts again.
// The proxy and the pages are bundled separately, so the memo lives on globalThis to be one per process.

export const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
const KEY = Symbol.for("claimwatch.publicPageMemo");

type Memo = Map<string, { value: unknown; until: number }>;

function memo(): Memo {
  const scope = globalThis as typeof globalThis & { [KEY]?: Memo };
  return (scope[KEY] ??= new Map());
}

/** The remembered answer for `key`, or `read()`'s, remembered for TTL_MS. One kind of answer per key prefix. */
export async function remembered<T>(key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
  const entries = memo();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as T;
  const value = await read();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { value, until: now + TTL_MS });
  return value;
}

/** `remembered` for a yes/no answer. */
export function rememberedExists(key: string, read: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
  return remembered(key, read, now);
}

/** Called with every expiry of reader pages: the next check reads the database again. */
export function forgetPublicPages(): void {
  memo().clear();
}

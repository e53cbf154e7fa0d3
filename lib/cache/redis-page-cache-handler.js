// @ts-check
// Next's page cache handler (next.config.js → cacheHandler) when REDIS_URL is set: whole reader pages in Redis
// through shared-cache-store.js, with the same tag times as 'use cache' data (redis-use-cache-handler.js), so a page
// expired on one instance is rendered again on every instance's next request
// (docs/decisions/0032-shared-cache-in-redis.md). Next checks a page's tags against a tag list kept in its own
// process, which never hears of another instance's writes: this handler checks them against Redis and answers a
// miss for an expired page.
import { invalidation, isExpired, isStale } from "./shared-cache-store.js";
import { storeFromEnvironment } from "./redis-use-cache-handler.js";

const KIND = "page";
/** How long Redis keeps a page whose cache control names no expiry: 1 day. */
const DEFAULT_TTL_S = 24 * 3600;
/** NEXT_CACHE_TAGS_HEADER of next/dist/lib/constants. */
const TAGS_HEADER = "x-next-cache-tags";

/**
 * @typedef {import("next/dist/server/lib/incremental-cache").CacheHandler} NextPageCacheHandler
 * @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue
 * @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext
 * @typedef {import("./shared-cache-store.js").SharedCacheStore} SharedCacheStore
 * @typedef {CacheHandlerValue & { tags: string[] }} StoredPage
 */

/**
 * JSON that keeps the Buffers (HTML's RSC payload, segments) and Maps (segment data) of a page entry: plain JSON
 * would turn them into objects Next cannot use (`segmentData.get is not a function`).
 * @param {unknown} page
 */
export function encodePage(page) {
  return Buffer.from(
    JSON.stringify(page, function (key, value) {
      const original = this[key];
      if (original instanceof Uint8Array) return { $bytes: Buffer.from(original).toString("base64") };
      if (original instanceof Map) return { $map: [...original.entries()] };
      return value;
    }),
  );
}

/** @param {Buffer} stored */
export function decodePage(stored) {
  return JSON.parse(stored.toString("utf8"), (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if (typeof value.$bytes === "string" && Object.keys(value).length === 1)
        return Buffer.from(value.$bytes, "base64");
      if (Array.isArray(value.$map) && Object.keys(value).length === 1) return new Map(value.$map);
    }
    return value;
  });
}

/** The tags a stored page or route carries: Next writes them into its `x-next-cache-tags` header. */
function tagsOf(/** @type {any} */ value) {
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** @implements {NextPageCacheHandler} */
export default class RedisPageCacheHandler {
  /** @param {CacheHandlerContext} _ctx @param {() => SharedCacheStore} [getStore] (tests pass their own) */
  constructor(_ctx, getStore = storeFromEnvironment) {
    this.getStore = getStore;
  }

  /** @param {string} key @param {any} ctx @returns {Promise<CacheHandlerValue | null>} */
  async get(key, ctx) {
    const store = this.getStore();
    const stored = await store.getEntry(KIND, key);
    if (!stored) return null;
    /** @type {StoredPage} */
    let page;
    try {
      page = decodePage(stored);
    } catch {
      return null;
    }
    const tags = [...page.tags, ...tagsOf(page.value), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const times = await store.tagTimes(tags);
    // A stale tag counts as expired too: Next would otherwise serve this page again, not knowing it is stale.
    if (isExpired(times, page.lastModified) || isStale(times, page.lastModified)) return null;
    return { value: page.value, lastModified: page.lastModified, cacheControl: page.cacheControl };
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    try {
      const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
      /** @type {StoredPage} */
      const page = {
        value: data,
        lastModified: Date.now(),
        cacheControl,
        tags: ctx?.fetchCache ? (ctx.tags ?? []) : [],
      };
      const expire = cacheControl?.expire ?? (ctx?.fetchCache ? data?.revalidate : undefined);
      const ttl = typeof expire === "number" && expire > 0 ? expire : DEFAULT_TTL_S;
      await this.getStore().setEntry(KIND, key, encodePage(page), ttl);
    } catch {
      // Not stored: the next request renders the page again.
    }
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    await this.getStore().invalidateTags(typeof tags === "string" ? [tags] : tags, invalidation(durations));
  }

  resetRequestCache() {}
}

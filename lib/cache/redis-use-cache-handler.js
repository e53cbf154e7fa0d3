// @ts-check
// Next's handler for 'use cache' (next.config.js → cacheHandlers.default) when REDIS_URL is set: entries and tag
// invalidations in Redis through shared-cache-store.js, so `updateTag` on one instance is seen by every instance's
// next read (docs/decisions/0032-shared-cache-in-redis.md). The interface is `CacheHandler` from next/cache.
import { invalidation, isExpired, isStale, processStore, readBuildId } from "./shared-cache-store.js";
import { redisSettings } from "./redis-settings.js";

const KIND = "use-cache";

/**
 * @typedef {import("next/dist/server/lib/cache-handlers/types").CacheEntry} CacheEntry
 * @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler} CacheHandler
 * @typedef {import("./shared-cache-store.js").SharedCacheStore} SharedCacheStore
 */

/** @param {Uint8Array} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * An entry as stored: its JSON metadata's length (4 bytes), the metadata, then the value's bytes.
 * @param {Omit<CacheEntry, "value">} meta @param {Uint8Array} value
 */
export function encodeEntry(meta, value) {
  const head = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.byteLength);
  return Buffer.concat([length, head, value]);
}

/** @param {Buffer} stored @returns {{ meta: Omit<CacheEntry, "value">; value: Uint8Array }} */
export function decodeEntry(stored) {
  const length = stored.readUInt32BE(0);
  return {
    meta: JSON.parse(stored.subarray(4, 4 + length).toString("utf8")),
    value: new Uint8Array(stored.subarray(4 + length)),
  };
}

/**
 * @param {() => SharedCacheStore} getStore
 * @returns {CacheHandler}
 */
export function createUseCacheHandler(getStore) {
  /** Sets still being written in this process: a get for the same key waits for them (the interface asks it). */
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map();

  return {
    async get(cacheKey) {
      await pendingSets.get(cacheKey);
      const stored = await getStore().getEntry(KIND, cacheKey);
      if (!stored) return undefined;
      let entry;
      try {
        entry = decodeEntry(stored);
      } catch {
        return undefined; // unreadable (another version's format): a miss, rendered again
      }
      const times = await getStore().tagTimes(entry.meta.tags);
      if (isExpired(times, entry.meta.timestamp)) return undefined;
      // A stale tag serves the entry once more and has Next refresh it (what the built-in handler does).
      const revalidate = isStale(times, entry.meta.timestamp) ? -1 : entry.meta.revalidate;
      return { ...entry.meta, revalidate, value: streamOf(entry.value) };
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      pendingSets.set(cacheKey, new Promise((resolve) => (done = resolve)));
      try {
        const entry = await pendingEntry;
        // An `expire: 0` entry is regenerated on every read: storing it would be a wasted write.
        if (entry.expire === 0) return;
        const value = new Uint8Array(await new Response(entry.value).arrayBuffer());
        const { tags, stale, timestamp, expire, revalidate } = entry;
        const meta = { tags, stale, timestamp, expire, revalidate };
        const ttl = Number.isFinite(entry.expire) ? entry.expire : Infinity;
        // The fallback drops an entry at `revalidate`, as Next's in-memory handler does: a copy only this
        // instance holds is not worth refreshing in the background.
        await getStore().setEntry(KIND, cacheKey, encodeEntry(meta, value), ttl, entry.revalidate);
      } catch {
        // An entry whose value failed part-way is not stored: the next read renders it again.
      } finally {
        done();
        pendingSets.delete(cacheKey);
      }
    },

    // Tag times are read from Redis by every get and getExpiration, so there is no local copy to refresh.
    async refreshTags() {},

    async getExpiration(tags) {
      const times = await getStore().tagTimes(tags);
      return Math.max(0, ...times.map((t) => t.expired));
    },

    async updateTags(tags, durations) {
      await getStore().invalidateTags(tags, invalidation(durations));
    },
  };
}

/** The store of this process, made from the environment on first use (next.config.js registers this file only
 * when REDIS_URL is set). */
export function storeFromEnvironment() {
  return processStore(() => {
    const settings = redisSettings();
    if (!settings) throw new Error("REDIS_URL is not set: the shared cache handlers need it (next.config.js).");
    const memoryMb = Number(process.env.CACHE_MEMORY_MB || 512);
    return { ...settings, buildId: readBuildId(), localMaxBytes: memoryMb * 1024 * 1024 };
  });
}

export default createUseCacheHandler(storeFromEnvironment);

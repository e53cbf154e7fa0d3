// @ts-check
// The storage behind both of Next's cache handlers when REDIS_URL is set (redis-use-cache-handler.js for
// 'use cache', redis-page-cache-handler.js for whole pages): entries and tag invalidation times in one Redis, so an
// editor's write on one instance expires every instance's copy at once (docs/decisions/0032-shared-cache-in-redis.md).
//
// - Keys: `<prefix>:<build id>:<kind>:<key>` for entries, so two deployments (prefix) or two builds (build id) never
//   read each other's entries; `<prefix>:tags:expired` and `<prefix>:tags:stale` (hashes, tag → ms) for
//   invalidations, shared by every build, because a write made by an instance of the old build during a rolling
//   deploy must expire the new build's pages too.
// - Every entry has a TTL (its `expire`, at most MAX_TTL_S). The tag hashes are renewed to MAX_TTL_S at each write:
//   when they lapse, no invalidation has happened for longer than any entry can live, so none can be missed.
// - Redis unreachable (refused, closed, a command over COMMAND_TIMEOUT_MS): this instance uses a bounded in-process
//   store, as Next's built-in cache does, and logs one warning per outage, never an error to a reader. When Redis is
//   back, the instance marks every shared entry stored until now as expired (the tag `*`): an instance that wrote
//   during the outage could not record its invalidations in Redis, so nothing written before the recovery is
//   trusted. It costs one render per page.
import fs from "node:fs";
import path from "node:path";
import Redis from "ioredis";
import { redisAddress } from "./redis-settings.js";

/** The longest an entry lives in Redis, and so how long the tag hashes must outlive their last write: 7 days. */
export const MAX_TTL_S = 7 * 24 * 3600;
/** The marker tag every entry is checked against: set to the time Redis came back after an outage. */
export const ALL_TAGS = "*";
// Not shorter: a command's timer is checked before the reply is read, so an event loop busy for longer than this
// (a render on a loaded two-core machine) counted a healthy Redis as gone — seen on the test stack, where one instance
// then served its own stale pages.
const COMMAND_TIMEOUT_MS = 2000;
/** After a failed recovery on an open connection (no further "ready" comes), the next attempt: 1 s later. */
const COME_BACK_RETRY_MS = 1000;

/**
 * @typedef {{ expired: number; stale: number }} TagTimes  the latest immediate expiry and the latest "stale" mark
 * @typedef {{ url: string; keyPrefix: string; buildId: string; localMaxBytes?: number; log?: Pick<Console, "warn" | "info"> }} StoreOptions
 */

/** The build id of the app this process serves (`.next/BUILD_ID`), or "development" without a build. */
export function readBuildId(distDir = path.join(process.cwd(), ".next")) {
  try {
    return fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim() || "development";
  } catch {
    return "development";
  }
}

/** A Map used as a least-recently-used store bounded in bytes, each value with its own expiry. */
class LocalStore {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { value: Buffer; until: number }>} */
    this.entries = new Map();
  }
  /** @param {string} key */
  get(key) {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.until <= Date.now()) {
      this.bytes -= hit.value.byteLength;
      return undefined;
    }
    this.entries.set(key, hit);
    return hit.value;
  }
  /** @param {string} key @param {Buffer} value @param {number} ttlS */
  set(key, value, ttlS) {
    this.delete(key);
    if (value.byteLength > this.maxBytes) return;
    this.entries.set(key, { value, until: Date.now() + ttlS * 1000 });
    this.bytes += value.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.value.byteLength;
    }
  }
  /** @param {string} key */
  delete(key) {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.value.byteLength;
    this.entries.delete(key);
  }
  clear() {
    this.entries.clear();
    this.bytes = 0;
  }
}

export class SharedCacheStore {
  /** @param {StoreOptions} options */
  constructor({ url, keyPrefix, buildId, localMaxBytes = 512 * 1024 * 1024, log = console }) {
    this.entryPrefix = `${keyPrefix}:${buildId}:`;
    this.expiredKey = `${keyPrefix}:tags:expired`;
    this.staleKey = `${keyPrefix}:tags:stale`;
    this.address = redisAddress(url);
    this.log = log;
    this.local = new LocalStore(localMaxBytes);
    /** @type {Map<string, TagTimes>} tag times recorded while Redis was away, for this instance's own entries */
    this.localTags = new Map();
    /** "starting" until the first connection succeeds or fails, then "up" or "down"; "closed" by close(). */
    this.state = "starting";
    /** @type {ReturnType<typeof setTimeout> | undefined} a pending retry of comeBack() */
    this.comeBackTimer = undefined;
    this.client = new Redis(url, {
      // Fail at once while disconnected instead of queueing: a reader must not wait for Redis to come back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 1000,
      // Keep trying, at most every 2 s, for as long as the process lives.
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    // ioredis reports each failed attempt as an "error" event; state changes are logged by goDown/comeBack.
    this.client.on("error", () => this.goDown());
    this.client.on("close", () => this.goDown());
    this.client.on("ready", () => void this.comeBack());
    /** Settles when the first connection attempt ends, so the first request does not start on the fallback. */
    this.started = new Promise((resolve) => {
      const timer = setTimeout(resolve, 1500);
      timer.unref();
      this.client.once("ready", resolve);
      this.client.once("error", resolve);
    });
  }

  goDown() {
    if (this.state === "down" || this.state === "closed") return;
    const wasStarting = this.state === "starting";
    this.state = "down";
    this.log.warn(
      `Shared cache: Redis at ${this.address} is ${wasStarting ? "not reachable" : "gone"}; this instance serves ` +
        "from its own in-process cache until it is back (docs/operations.md, Several instances).",
    );
  }

  async comeBack() {
    if (this.state === "closed") return;
    if (this.state === "starting") {
      this.state = "up";
      return;
    }
    if (this.state === "up") return;
    try {
      // Conservative: invalidations made while Redis was away may never have reached it.
      await this.client.multi().hset(this.expiredKey, ALL_TAGS, Date.now()).expire(this.expiredKey, MAX_TTL_S).exec();
    } catch {
      // Still unusable. Try again soon: when the connection stayed open (the command only timed out), no further
      // "ready" comes, and the instance stayed on its own cache for the rest of its life (seen on the test stack).
      this.comeBackTimer ??= setTimeout(() => {
        this.comeBackTimer = undefined;
        if (this.client.status === "ready") void this.comeBack();
      }, COME_BACK_RETRY_MS);
      this.comeBackTimer.unref?.();
      return;
    }
    this.local.clear();
    this.localTags.clear();
    this.state = "up";
    this.log.info(
      `Shared cache: Redis at ${this.address} is back; entries stored before now count as expired, and this ` +
        "instance uses the shared cache again.",
    );
  }

  /** Whether Redis is used for this call; waits for the first connection attempt once. */
  async useRedis() {
    if (this.state === "starting") await this.started;
    return this.state === "up";
  }

  /** A command failed although connected (e.g. Redis hangs): fall back, and reconnect to find out when it is back. */
  failed() {
    this.goDown();
    this.client.disconnect(true);
  }

  /** @param {string} kind @param {string} key */
  entryKey(kind, key) {
    return `${this.entryPrefix}${kind}:${key}`;
  }

  /** @param {string} kind @param {string} key @returns {Promise<Buffer | undefined>} */
  async getEntry(kind, key) {
    const fullKey = this.entryKey(kind, key);
    if (await this.useRedis()) {
      try {
        return (await this.client.getBuffer(fullKey)) ?? undefined;
      } catch {
        this.failed();
      }
    }
    return this.local.get(fullKey);
  }

  /**
   * @param {string} kind @param {string} key @param {Buffer} value
   * @param {number} ttlS how long Redis keeps it; @param {number} [localTtlS] how long the fallback keeps it
   */
  async setEntry(kind, key, value, ttlS, localTtlS = ttlS) {
    const fullKey = this.entryKey(kind, key);
    const ttl = Math.max(1, Math.min(MAX_TTL_S, Math.ceil(ttlS)));
    if (await this.useRedis()) {
      try {
        await this.client.set(fullKey, value, "EX", ttl);
        return;
      } catch {
        this.failed();
      }
    }
    this.local.set(fullKey, value, Math.max(0, Math.min(ttl, localTtlS)));
  }

  /**
   * The invalidation times of `tags` and then of ALL_TAGS, which counts against every entry, tagged or not.
   * @param {string[]} tags @returns {Promise<TagTimes[]>}
   */
  async tagTimes(tags) {
    const names = [...tags, ALL_TAGS];
    if (await this.useRedis()) {
      try {
        const [[, expired], [, stale]] =
          /** @type {[[Error | null, (string | null)[]], [Error | null, (string | null)[]]]} */ (
            await this.client
              .pipeline()
              .hmget(this.expiredKey, ...names)
              .hmget(this.staleKey, ...names)
              .exec()
          );
        return names.map((_, i) => ({ expired: Number(expired[i] ?? 0), stale: Number(stale[i] ?? 0) }));
      } catch {
        this.failed();
      }
    }
    return names.map((name) => this.localTags.get(name) ?? { expired: 0, stale: 0 });
  }

  /**
   * Records that `tags` expire at `expired` and/or went stale at `stale` (ms), for every instance.
   * @param {string[]} tags @param {{ expired?: number; stale?: number }} times
   */
  async invalidateTags(tags, { expired, stale }) {
    for (const tag of tags) {
      const old = this.localTags.get(tag) ?? { expired: 0, stale: 0 };
      this.localTags.set(tag, { expired: expired ?? old.expired, stale: stale ?? old.stale });
    }
    if (tags.length === 0 || !(await this.useRedis())) return;
    try {
      const write = this.client.multi();
      if (expired !== undefined) {
        write
          .hset(this.expiredKey, Object.fromEntries(tags.map((t) => [t, expired])))
          .expire(this.expiredKey, MAX_TTL_S);
      }
      if (stale !== undefined) {
        write.hset(this.staleKey, Object.fromEntries(tags.map((t) => [t, stale]))).expire(this.staleKey, MAX_TTL_S);
      }
      await write.exec();
    } catch {
      // Not recorded in Redis: recovery marks everything stored before it as expired (comeBack).
      this.failed();
    }
  }

  /** Closes the connection (tests; a server keeps it for its lifetime). */
  async close() {
    this.state = "closed";
    clearTimeout(this.comeBackTimer);
    this.client.disconnect(false);
  }
}

/**
 * What an invalidation records, as Next's built-in handlers do: without durations (`updateTag`) the tags expire now;
 * with them they are stale now and expire after `expire` seconds (app/api/revalidate's `{ expire: 0 }`: now too).
 * @param {{ expire?: number }} [durations] @returns {{ expired?: number; stale?: number }}
 */
export function invalidation(durations, now = Date.now()) {
  if (!durations) return { expired: now };
  return { stale: now, expired: durations.expire === undefined ? undefined : now + durations.expire * 1000 };
}

/** Whether an entry stored at `timestamp` is expired by one of its tags now. */
export function isExpired(/** @type {TagTimes[]} */ times, /** @type {number} */ timestamp, now = Date.now()) {
  return times.some((t) => t.expired > timestamp && t.expired <= now);
}

/** Whether an entry stored at `timestamp` was marked stale by one of its tags. */
export function isStale(/** @type {TagTimes[]} */ times, /** @type {number} */ timestamp) {
  return times.some((t) => t.stale > timestamp);
}

const PROCESS_STORE = Symbol.for("claimwatch.sharedCacheStore");

/**
 * The one store of this process: the two handlers are imported separately by Next, and share it.
 * @param {() => StoreOptions} options
 * @returns {SharedCacheStore}
 */
export function processStore(options) {
  const scope = /** @type {typeof globalThis & { [PROCESS_STORE]?: SharedCacheStore }} */ (globalThis);
  return (scope[PROCESS_STORE] ??= new SharedCacheStore(options()));
}

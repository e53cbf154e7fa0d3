import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { redisSettings } from "@/lib/cache/redis-settings.js";
import { MAX_TTL_S, SharedCacheStore } from "@/lib/cache/shared-cache-store.js";
import { createUseCacheHandler } from "@/lib/cache/redis-use-cache-handler.js";
import RedisPageCacheHandler from "@/lib/cache/redis-page-cache-handler.js";
import nextConfig from "@/next.config.js";
import { TestRedis } from "@/test-support/redis-server";

// The shared cache of several instances (lib/cache/, docs/decisions/0032-shared-cache-in-redis.md) against a real
// redis-server: two stores stand for two server processes, each with its own connection and fallback.

let redis: TestRedis;
let admin: Redis;
const stores: SharedCacheStore[] = [];

type Logged = { warn: string[]; info: string[] };

/** One "instance": its own store (connection, fallback, log) under a prefix unique to the test. */
function instance(keyPrefix: string, buildId = "build-1") {
  const logged: Logged = { warn: [], info: [] };
  const store = new SharedCacheStore({
    url: redis.url,
    keyPrefix,
    buildId,
    log: { warn: (m: string) => logged.warn.push(m), info: (m: string) => logged.info.push(m) },
  });
  stores.push(store);
  return {
    store,
    logged,
    useCache: createUseCacheHandler(() => store),
    pages: new RedisPageCacheHandler({ revalidatedTags: [], _requestHeaders: {} }, () => store),
  };
}

function entry(text: string, tags: string[], overrides: { expire?: number; revalidate?: number } = {}) {
  return {
    value: new Response(text).body!,
    tags,
    stale: 30,
    timestamp: Date.now(),
    expire: overrides.expire ?? 3600,
    revalidate: overrides.revalidate ?? 300,
  };
}

async function text(found: { value: ReadableStream<Uint8Array> } | undefined) {
  return found ? new Response(found.value).text() : undefined;
}

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  redis = await TestRedis.start();
  admin = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 });
  admin.on("error", () => {});
});

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

describe("the 'use cache' handler shared through Redis", () => {
  it("gives an entry set on one instance to the other", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await a.useCache.set("key-1", Promise.resolve(entry("claim data", ["reader"])));
    const found = await b.useCache.get("key-1", []);
    expect(await text(found)).toBe("claim data");
    expect(found).toMatchObject({ tags: ["reader"], expire: 3600, revalidate: 300, stale: 30 });
    expect(await b.useCache.get("no-such-key", [])).toBeUndefined();
  });

  it("expires an entry on every instance at once when one updates its tag", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await b.useCache.set("key-1", Promise.resolve(entry("old", ["reader"])));
    await b.useCache.set("key-2", Promise.resolve(entry("other", ["elsewhere"])));
    await new Promise((r) => setTimeout(r, 5));
    await a.useCache.updateTags(["reader"]);
    expect(await b.useCache.get("key-1", [])).toBeUndefined();
    expect(await text(await b.useCache.get("key-2", []))).toBe("other");
    // A value stored after the invalidation is fresh again.
    await new Promise((r) => setTimeout(r, 5));
    await b.useCache.set("key-1", Promise.resolve(entry("new", ["reader"])));
    expect(await text(await a.useCache.get("key-1", []))).toBe("new");
  });

  it("serves an entry whose tag went stale once more, asking Next to refresh it", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await a.useCache.set("key-1", Promise.resolve(entry("old", ["reader"])));
    await new Promise((r) => setTimeout(r, 5));
    await b.useCache.updateTags(["reader"], { expire: 3600 });
    const found = await a.useCache.get("key-1", []);
    expect(await text(found)).toBe("old");
    expect(found?.revalidate).toBe(-1);
  });

  it("tells every instance when a tag was last expired (getExpiration)", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    expect(await b.useCache.getExpiration(["reader", "_N_T_/layout"])).toBe(0);
    const before = Date.now();
    await a.useCache.updateTags(["_N_T_/layout"]);
    const expiration = await b.useCache.getExpiration(["reader", "_N_T_/layout"]);
    expect(expiration).toBeGreaterThanOrEqual(before);
    expect(expiration).toBeLessThanOrEqual(Date.now());
    await expect(b.useCache.refreshTags()).resolves.toBeUndefined();
  });

  it("stores entries with a TTL from their expiry, and keeps tag times only as long as an entry can live", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    await a.useCache.set("short", Promise.resolve(entry("x", ["reader"], { expire: 120 })));
    await a.useCache.set("forever", Promise.resolve(entry("y", ["reader"], { expire: Infinity })));
    await a.useCache.set("dynamic", Promise.resolve(entry("z", ["reader"], { expire: 0 })));
    const keys = await admin.keys(`${prefix}:*`);
    expect(keys.sort()).toEqual([`${prefix}:build-1:use-cache:forever`, `${prefix}:build-1:use-cache:short`]);
    const short = await admin.ttl(`${prefix}:build-1:use-cache:short`);
    expect(short).toBeGreaterThan(100);
    expect(short).toBeLessThanOrEqual(120);
    expect(await admin.ttl(`${prefix}:build-1:use-cache:forever`)).toBeGreaterThan(MAX_TTL_S - 10);
    await a.useCache.updateTags(["reader"]);
    expect(await admin.ttl(`${prefix}:tags:expired`)).toBeGreaterThan(MAX_TTL_S - 10);
  });

  it("keeps two deployments and two builds apart, but shares invalidations between builds", async () => {
    const prefix = `t-${randomUUID()}`;
    const oldBuild = instance(prefix, "build-1");
    const newBuild = instance(prefix, "build-2");
    const otherDeployment = instance(`t-${randomUUID()}`, "build-1");
    await oldBuild.useCache.set("key-1", Promise.resolve(entry("from build 1", ["reader"])));
    expect(await newBuild.useCache.get("key-1", [])).toBeUndefined();
    expect(await otherDeployment.useCache.get("key-1", [])).toBeUndefined();
    await newBuild.useCache.set("key-1", Promise.resolve(entry("from build 2", ["reader"])));
    await new Promise((r) => setTimeout(r, 5));
    // An editor's write on an instance of the old build during a rolling deploy expires the new build's entry.
    await oldBuild.useCache.updateTags(["reader"]);
    expect(await newBuild.useCache.get("key-1", [])).toBeUndefined();
  });
});

describe("the page cache handler shared through Redis", () => {
  const page = () => ({
    kind: "APP_PAGE",
    html: "<html>claim page</html>",
    rscData: Buffer.from("rsc payload"),
    status: 200,
    postponed: undefined,
    headers: { "x-next-cache-tags": "reader,_N_T_/layout,_N_T_/claims/[slug]/page" },
    segmentData: new Map([["/_tree", Buffer.from("tree segment")]]),
  });
  const ctx = { kind: "APP_PAGE" };

  it("gives a page set on one instance, Buffers and Maps intact, to the other", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    const cacheControl = { revalidate: 300, expire: 3600 };
    await a.pages.set("/route-cache/APP_PAGE/abc/$/claims/one", page(), { ...ctx, cacheControl });
    const found = await b.pages.get("/route-cache/APP_PAGE/abc/$/claims/one", ctx);
    expect(found?.cacheControl).toEqual(cacheControl);
    expect(found?.lastModified).toBeLessThanOrEqual(Date.now());
    const value = found?.value as ReturnType<typeof page>;
    expect(value.html).toBe("<html>claim page</html>");
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc payload");
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get("/_tree")?.toString()).toBe("tree segment");
    const ttl = await admin.ttl(`${prefix}:build-1:page:/route-cache/APP_PAGE/abc/$/claims/one`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("answers a miss on every instance once a tag of the page was expired on one", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await b.pages.set("k", page(), { ...ctx, cacheControl: { revalidate: 300, expire: 3600 } });
    await new Promise((r) => setTimeout(r, 5));
    // What app/api/revalidate does (revalidateTag(READER_TAG, { expire: 0 })), and what updateTag does.
    await a.pages.revalidateTag("reader", { expire: 0 });
    expect(await b.pages.get("k", ctx)).toBeNull();
    await b.pages.set("k", page(), { ...ctx, cacheControl: { revalidate: 300, expire: 3600 } });
    expect(await a.pages.get("k", ctx)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await a.useCache.updateTags(["_N_T_/layout"]);
    expect(await b.pages.get("k", ctx)).toBeNull();
  });
});

describe("Redis going away and coming back", () => {
  it("falls back to each instance's own cache with one warning, and shares again when Redis is back", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await a.useCache.set("before", Promise.resolve(entry("shared before", ["reader"])));
    expect(await text(await b.useCache.get("before", []))).toBe("shared before");

    await redis.stop();
    // Nothing throws; every call falls back. A's own entries now live in its process only.
    await until(async () => (await a.useCache.get("before", [])) === undefined);
    for (let i = 0; i < 20; i++) {
      await a.useCache.set(`during-${i}`, Promise.resolve(entry(`local ${i}`, ["reader"])));
      await a.pages.set(`page-${i}`, { kind: "APP_ROUTE", body: Buffer.from("x"), status: 200, headers: {} }, {});
    }
    expect(await text(await a.useCache.get("during-3", []))).toBe("local 3");
    expect(await a.pages.get("page-3", { kind: "APP_ROUTE" })).not.toBeNull();
    expect(await b.useCache.get("during-3", [])).toBeUndefined();
    await a.useCache.updateTags(["reader"]);
    expect(await a.useCache.get("during-3", [])).toBeUndefined();
    expect(await a.useCache.getExpiration(["reader"])).toBeGreaterThan(0);
    expect(a.logged.warn).toHaveLength(1);
    expect(a.logged.warn[0]).toMatch(/Redis at 127\.0\.0\.1:\d+ is gone/);

    await redis.resume();
    await until(() => a.logged.info.length === 1 && b.logged.info.length === 1);
    expect(a.logged.warn).toHaveLength(1);
    await a.useCache.set("after", Promise.resolve(entry("shared after", ["reader"])));
    expect(await text(await b.useCache.get("after", []))).toBe("shared after");
    // The fallback's entries are not used once Redis is back.
    expect(await a.useCache.get("during-3", [])).toBeUndefined();
  });

  it("counts every shared entry stored before an instance's recovery as expired", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await b.useCache.set("key-1", Promise.resolve(entry("stored before", ["untouched-tag"])));
    await b.pages.set("page", { kind: "APP_ROUTE", body: Buffer.from("x"), status: 200, headers: {} }, {});
    await new Promise((r) => setTimeout(r, 5));
    // Only A loses its connection (its writes meanwhile could not reach Redis); B stays connected.
    const id = await a.store.client.client("ID");
    await admin.client("KILL", "ID", String(id));
    await until(() => a.logged.info.length === 1);
    expect(a.logged.warn).toHaveLength(1);
    expect(b.logged.warn).toHaveLength(0);
    expect(await b.useCache.get("key-1", [])).toBeUndefined();
    expect(await b.pages.get("page", { kind: "APP_ROUTE" })).toBeNull();
  });

  it("tries a failed recovery again on the open connection, instead of staying on its own cache for good", async () => {
    const prefix = `t-${randomUUID()}`;
    const a = instance(prefix);
    await a.useCache.set("warm", Promise.resolve(entry("x", ["reader"])));
    // The first recovery write times out (a busy event loop; seen on the test stack), the connection stays open, so
    // no second "ready" comes: the store itself must try again.
    const failing = { hset: () => failing, expire: () => failing, exec: () => Promise.reject(new Error("timeout")) };
    vi.spyOn(a.store.client, "multi").mockImplementationOnce(() => failing as never);
    const id = await a.store.client.client("ID");
    await admin.client("KILL", "ID", String(id));
    await until(() => a.logged.info.length === 1);
    expect(a.logged.warn).toHaveLength(1);
    await a.useCache.set("after", Promise.resolve(entry("shared after", ["reader"])));
    expect(await text(await instance(prefix).useCache.get("after", []))).toBe("shared after");
  });

  it("starts with Redis unreachable: one warning, a working fallback, and the shared cache once it is up", async () => {
    const prefix = `t-${randomUUID()}`;
    await redis.stop();
    try {
      const a = instance(prefix);
      await a.useCache.set("k", Promise.resolve(entry("local", [])));
      expect(await text(await a.useCache.get("k", []))).toBe("local");
      expect(a.logged.warn).toEqual([expect.stringMatching(/is not reachable/)]);
    } finally {
      await redis.resume();
    }
  });
});

describe("the settings", () => {
  it("refuses a REDIS_URL that is not a redis:// URL, naming the key", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://", "postgres://x"]) {
      expect(() => redisSettings({ REDIS_URL: bad })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    }
    expect(() => redisSettings({ REDIS_URL: "redis://h:1", REDIS_KEY_PREFIX: "a b" })).toThrow(/REDIS_KEY_PREFIX/);
    expect(redisSettings({})).toBeNull();
    expect(redisSettings({ REDIS_URL: "rediss://:secret@cache.example:6380/1" })).toEqual({
      url: "rediss://:secret@cache.example:6380/1",
      keyPrefix: "claimwatch",
    });
  });

  it("uses the handlers only for a running server with REDIS_URL; otherwise Next's own caches", () => {
    const saved = process.env.REDIS_URL;
    try {
      delete process.env.REDIS_URL;
      expect(nextConfig("phase-production-server").cacheHandler).toBeUndefined();
      expect(nextConfig("phase-production-server").cacheHandlers).toBeUndefined();
      process.env.REDIS_URL = "redis://127.0.0.1:6391";
      expect(nextConfig("phase-production-build").cacheHandler).toBeUndefined();
      expect(nextConfig("phase-development-server").cacheHandlers).toBeUndefined();
      const served = nextConfig("phase-production-server");
      expect(served.cacheHandler).toMatch(/lib\/cache\/redis-page-cache-handler\.js$/);
      expect(served.cacheHandlers?.default).toMatch(/lib\/cache\/redis-use-cache-handler\.js$/);
      expect(served.cacheMaxMemorySize).toBe(nextConfig("phase-production-build").cacheMaxMemorySize);
      process.env.REDIS_URL = "http://127.0.0.1:6391";
      expect(() => nextConfig("phase-production-server")).toThrow(/REDIS_URL/);
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
    }
  });
});

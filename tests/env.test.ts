import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.SITE_URL).toBe("http://localhost:3000");
  });
  it("names every bad key", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x/db", SITE_URL: "javascript:alert(1)", ADMIN_EMAIL: "nope" }),
    ).toThrow(/DATABASE_URL[\s\S]*SITE_URL[\s\S]*ADMIN_EMAIL/);
  });
  it("picks the engine by the scheme of DATABASE_URL and refuses any other scheme, naming the key", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db.internal:5432/claimwatch" }).DATABASE_URL).toMatch(
      /^postgresql/,
    );
    expect(parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1/claimwatch?sslmode=require" }).DATABASE_URL).toMatch(
      /^postgres:/,
    );
    expect(parseEnv({ DATABASE_URL: "file:./tmp/x.db" }).DATABASE_URL).toBe("file:./tmp/x.db");
    for (const bad of ["mysql://u@h/db", "postgresql://host-without-database", "sqlite:./x.db", "./prisma/dev.db"])
      expect(() => parseEnv({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL: must be a SQLite file URL/);
  });
  it("bounds the PostgreSQL pool settings", () => {
    expect(parseEnv({ POSTGRES_POOL_SIZE: "20" }).POSTGRES_POOL_SIZE).toBe(20);
    expect(() => parseEnv({ POSTGRES_POOL_SIZE: "0" })).toThrow(/POSTGRES_POOL_SIZE: must be 1 to 200/);
    expect(() => parseEnv({ POSTGRES_STATEMENT_TIMEOUT_MS: "soon" })).toThrow(/POSTGRES_STATEMENT_TIMEOUT_MS/);
  });
  it("treats empty strings as unset", () => {
    expect(parseEnv({ ADMIN_PASSWORD: "" }).ADMIN_PASSWORD).toBeUndefined();
  });
  it("takes the cache memory in whole megabytes and refuses anything else", () => {
    expect(parseEnv({ CACHE_MEMORY_MB: "256" }).CACHE_MEMORY_MB).toBe(256);
    expect(parseEnv({}).CACHE_MEMORY_MB).toBeUndefined();
    expect(() => parseEnv({ CACHE_MEMORY_MB: "512MB" })).toThrow(/CACHE_MEMORY_MB: must be a whole number/);
    expect(() => parseEnv({ CACHE_MEMORY_MB: "-1" })).toThrow(/CACHE_MEMORY_MB: must be 0 or more/);
  });
  it("reads TRUST_PROXY as a number of proxies, off by default, and refuses anything else", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY/);
  });
  it("wants a long DEVICE_SECRET when one is set", () => {
    expect(() => parseEnv({ DEVICE_SECRET: "short" })).toThrow(/DEVICE_SECRET/);
    expect(parseEnv({ DEVICE_SECRET: "x".repeat(32) }).DEVICE_SECRET).toHaveLength(32);
  });
  it("takes a redis:// or rediss:// REDIS_URL and refuses anything else, naming the key", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379/0" }).REDIS_URL).toBe("redis://127.0.0.1:6379/0");
    expect(parseEnv({ REDIS_URL: "rediss://:pw@cache.example:6380" }).REDIS_URL).toBe(
      "rediss://:pw@cache.example:6380",
    );
    expect(() => parseEnv({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a redis:\/\//);
    expect(() => parseEnv({ REDIS_KEY_PREFIX: "two words" })).toThrow(/REDIS_KEY_PREFIX/);
  });
});

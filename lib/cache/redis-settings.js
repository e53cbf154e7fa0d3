// @ts-check
// Where Next's caches live when several instances share them (docs/decisions/0032-shared-cache-in-redis.md). Plain
// JavaScript: next.config.js and the two cache handlers, which Next imports itself at start, read it without a
// TypeScript step. lib/env.ts validates the same keys for the rest of the app.

/** A key prefix: letters, digits and `:_.-`, so it can never run into the build id or a key's own parts. */
const PREFIX_PATTERN = /^[A-Za-z0-9:_.-]{1,64}$/;

/**
 * The shared cache's settings, or null when REDIS_URL is not set (then Next's built-in caches are used, as in a
 * single instance). Throws a message naming the key for a value that cannot work, so a typo stops start-up.
 * @param {Record<string, string | undefined>} source
 * @returns {{ url: string; keyPrefix: string } | null}
 */
export function redisSettings(source = process.env) {
  const url = source.REDIS_URL || "";
  const keyPrefix = source.REDIS_KEY_PREFIX || "claimwatch";
  if (!PREFIX_PATTERN.test(keyPrefix)) {
    throw new Error("Invalid environment:\n  REDIS_KEY_PREFIX: must be 1 to 64 letters, digits or : _ . -");
  }
  if (!url) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") || !parsed.hostname) {
    throw new Error(
      "Invalid environment:\n  REDIS_URL: must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0",
    );
  }
  return { url, keyPrefix };
}

/**
 * The Redis address for log lines: host and port only, never the password a URL may carry.
 * @param {string} url
 */
export function redisAddress(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "6379"}`;
}

import { z } from "zod";
import { POSTGRES_ENV_FIELDS } from "@/lib/postgres/pool-settings";

// Validated once per process. Anything wrong stops start-up with a message naming every bad key.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // The scheme picks the engine (docs/decisions/0031-postgresql-by-url.md); no other scheme falls back to SQLite.
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/[^/?#]+\/[^/?#]+([?#].*)?)$/, {
      error:
        "must be a SQLite file URL such as file:./prisma/dev.db or a PostgreSQL URL such as postgresql://user:password@host:5432/claimwatch",
    })
    .default("file:./prisma/dev.db"),
  // PostgreSQL pool and transaction settings (lib/postgres/pool-settings.ts); unused with SQLite.
  ...POSTGRES_ENV_FIELDS,
  SITE_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).default("http://localhost:3000"),
  PUBLISHER_NAME: z.string().min(1).max(200).default("Claimwatch"),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(8, { error: "must be 8 to 128 characters" }).max(128).optional(),
  // Lets the CLI (seed, import, restore) refresh a running server's page cache at once (app/api/revalidate).
  REVALIDATE_SECRET: z
    .string()
    .min(32, { error: "must be at least 32 characters (e.g. openssl rand -hex 32)" })
    .max(200)
    .optional(),
  // Where the CLI reaches the running server; SITE_URL when unset.
  REVALIDATE_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
  // Read by next.config.js at start; validated here so that a typo stops the server with this message.
  CACHE_MEMORY_MB: z.coerce
    .number({ error: "must be a whole number of megabytes" })
    .int({ error: "must be a whole number of megabytes" })
    .min(0, { error: "must be 0 or more (0 turns the in-memory caches off)" })
    .max(65536, { error: "must be at most 65536" })
    .optional(),
  // The shared cache of several instances (docs/decisions/0032-shared-cache-in-redis.md). Read by next.config.js at
  // start through lib/cache/redis-settings.js, which refuses the same values; repeated here so that env() names them.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0" })
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: "must be 1 to 64 letters, digits or : _ . -" })
    .optional(),
  // How many reverse proxies stand in front of the server, whose X-Forwarded-For / -Proto / -Host are believed.
  // 0 (the default) believes none: the client is the socket's peer (scripts/server.mjs). "true" means 1.
  TRUST_PROXY: z
    .enum(["false", "off", "0", "true", "on", "1", "2", "3", "4", "5"], {
      error: "must be false, true or the number of proxies in front (0 to 5)",
    })
    .default("0")
    .transform((v) => (v === "false" || v === "off" ? 0 : v === "true" || v === "on" ? 1 : Number(v))),
  // Signs the device cookie that exempts a browser which signed in before from the per-account throttle
  // (lib/auth/device-cookie.ts). Unset, a random key per server process is used: devices are forgotten on restart.
  DEVICE_SECRET: z
    .string()
    .min(32, { error: "must be at least 32 characters (e.g. openssl rand -hex 32)" })
    .max(200)
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings from a copied .env mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Whether SITE_URL was configured (env() gives a default): without it, a request's own origin is the site's. */
export function siteUrlIsSet(): boolean {
  return Boolean(process.env.SITE_URL);
}

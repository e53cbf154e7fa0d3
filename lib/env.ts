import { z } from "zod";

// Validated once per process. Anything wrong stops start-up with a message naming every bad key.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, { error: "must be a SQLite file URL such as file:./prisma/dev.db" })
    .default("file:./prisma/dev.db"),
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

import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/create-client";
import { printableDatabaseUrl } from "@/lib/postgres/connection";
import { refreshServerCache } from "@/lib/data/refresh-server-cache";
import { seed } from "./seed-story";

// `npm run db:seed [-- --refresh]`: loads the border-strikes story and creates the first admin.
// Reads DATABASE_URL, ADMIN_EMAIL and ADMIN_PASSWORD from the environment, after a .env in the project root.

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  // Relative SQLite paths are resolved from the project root (lib/sqlite/connection.ts resolves them from the cwd).
  process.chdir(root);
  // Variables already set in the environment win over the file (Node's loadEnvFile does not override them).
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const env = parseEnv(process.env);
  const refresh = process.argv.includes("--refresh");

  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const { counts, admin } = await seed(db, {
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
      refresh,
    });
    console.log(`Seeded ${printableDatabaseUrl(env.DATABASE_URL)}${refresh ? " (story refreshed)" : ""}:`);
    console.log(
      Object.entries(counts)
        .map(([table, n]) => `  ${table.padEnd(16)} ${n}`)
        .join("\n"),
    );
    if (admin.generatedPassword) {
      console.log(`\nAdmin account: ${admin.email} / password: ${admin.generatedPassword} — shown once, store it now.`);
    } else if (admin.created) {
      console.log(`\nAdmin account: ${admin.email} created with the password from ADMIN_PASSWORD.`);
    } else {
      console.log(`\nAdmin account: ${admin.email} already exists (role ${admin.role}); its password was not changed.`);
    }
    console.log(await refreshServerCache(env));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /does not exist in the current database/.test(message)
    ? "\nIs the database migrated? Run: npm run db:migrate"
    : "";
  console.error(`Seed failed: ${message}${hint}`);
  process.exitCode = 1;
});

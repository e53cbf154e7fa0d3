import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";

// The benchmarks' database, tmp/bench/bench.db: the seed plus N synthetic claims (seed 42), made once and reused.
// Migrations are applied on every run, so a database made before a new migration (the search index, say) gets it.

export const BENCH_DB_FILE = path.resolve("tmp/bench/bench.db");
export const BENCH_DATABASE_URL = `file:${BENCH_DB_FILE}`;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
}

/** Makes sure the bench database holds at least `claims` synthetic claims and every migration. */
export async function prepareBenchDatabase(claims: number): Promise<void> {
  fs.mkdirSync(path.dirname(BENCH_DB_FILE), { recursive: true });
  let have = 0;
  if (fs.existsSync(BENCH_DB_FILE)) {
    const db = await createPrismaClient(BENCH_DATABASE_URL);
    have = await db.claim.count({ where: { synthetic: true } }).catch(() => 0);
    await db.$disconnect();
  }
  const env = { DATABASE_URL: BENCH_DATABASE_URL };
  if (have < claims) {
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(BENCH_DB_FILE + s, { force: true });
    run("npx", ["prisma", "migrate", "deploy"], env);
    run("npx", ["tsx", "prisma/seed.ts"], { ...env, ADMIN_PASSWORD: "bench-admin-password" });
    run("npx", ["tsx", "scripts/synthetic.ts", String(claims), "--seed", "42"], env);
  } else run("npx", ["prisma", "migrate", "deploy"], env);
}

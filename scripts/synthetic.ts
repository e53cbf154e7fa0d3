import fs from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadSynthetic, parseSyntheticCount } from "@/prisma/synthetic";

// `npm run db:synthetic -- <N> [--seed <n>]`: adds N clearly marked synthetic claims (slug synthetic-…,
// statement "[Synthetic] …", synthetic = true). Each run adds more; see prisma/synthetic.ts for removing them.

async function main(): Promise<void> {
  process.chdir(path.resolve(import.meta.dirname, ".."));
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const env = parseEnv(process.env);
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error("--seed needs a whole number");
  const positional = args.filter((a, i) => !a.startsWith("--") && !(seedAt >= 0 && i === seedAt + 1));
  const count = parseSyntheticCount(positional[0]);

  const db = await createPrismaClient(env.DATABASE_URL);
  const bar = new SingleBar({
    format: "synthetic claims [{bar}] {percentage}% {value}/{total} eta {eta}s",
    hideCursor: true,
  });
  const started = performance.now();
  try {
    bar.start(count, 0);
    const result = await loadSynthetic(db, { count, seed, onProgress: (done) => bar.update(done) });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Added ${result.claims} synthetic claims in ${seconds} s (run ${result.runId}, seed ${result.seed}): ` +
        `${result.actors} actors, ${result.sources} sources, ${result.claimSources} claim sources, ` +
        `${result.figures} casualty figures, ${result.links} links, ${result.statusChanges} status changes.`,
    );
  } finally {
    bar.stop();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /does not exist in the current database/.test(message)
    ? "\nIs the database migrated? Run: npm run db:migrate"
    : "";
  console.error(`Synthetic load failed: ${message}${hint}`);
  process.exitCode = 1;
});

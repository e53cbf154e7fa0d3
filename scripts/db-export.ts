import fs from "node:fs";
import { once } from "node:events";
import { exportChunks } from "@/lib/data-io/export";
import { formatSize } from "@/lib/data-io/decode";
import { createPrismaClient } from "@/lib/db/create-client";
import { printableDatabaseUrl } from "@/lib/postgres/connection";
import { cliFailed, cliSetup } from "./cli-env";

// `npm run db:export -- <file.json>`: everything the import reads (actors, incidents, sources, claims with their
// sources, figures, links and status history) as one JSON file; `-` writes to standard output. The file is
// written beside its final name and renamed when complete, so an interrupted export never looks like a whole one.

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!arg)
    throw new Error(
      "give the file to write, e.g. npm run db:export -- backups/claimwatch.json (or - for standard output)",
    );
  const started = performance.now();
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    if (arg === "-") {
      // A reader that stops early (| head) is not an error.
      process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1));
      for await (const chunk of exportChunks(db)) if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
      return;
    }
    const target = userPath(arg);
    const partial = `${target}.partial`;
    const out = fs.createWriteStream(partial);
    try {
      for await (const chunk of exportChunks(db)) if (!out.write(chunk)) await once(out, "drain");
      out.end();
      await once(out, "finish");
    } catch (error) {
      out.destroy();
      fs.rmSync(partial, { force: true });
      throw error;
    }
    fs.renameSync(partial, target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `Exported ${printableDatabaseUrl(env.DATABASE_URL)} to ${target} (${formatSize(fs.statSync(target).size)}) in ${seconds} s.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => cliFailed("Export", error));

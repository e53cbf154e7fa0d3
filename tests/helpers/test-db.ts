import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";

/** A fresh, migrated SQLite file for one test file: a copy of the template made in global setup. */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const file = path.resolve(`tmp/unit/${randomUUID()}.db`);
  fs.copyFileSync(inject("templateDb"), file);
  const url = `file:${file}`;
  const db = await createPrismaClient(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

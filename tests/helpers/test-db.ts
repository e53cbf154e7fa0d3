import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { adminQuery, copyDatabase, databaseName, postgresTestServer, withDatabase } from "./postgres-test-db";

/**
 * A fresh, migrated database for one test file: a copy of the template made in global setup — a SQLite file, or
 * with TEST_DATABASE_URL=postgresql://… a database on that server.
 */
export async function createTestDb(): Promise<{ db: Db; url: string; cleanup: () => Promise<void> }> {
  const server = postgresTestServer();
  if (server) {
    const name = databaseName("claimwatch_test", randomUUID());
    await copyDatabase(server, inject("templateDb"), name);
    const url = withDatabase(server, name);
    const db = await createPrismaClient(url);
    return {
      db,
      url,
      cleanup: async () => {
        await db.$disconnect();
        await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
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

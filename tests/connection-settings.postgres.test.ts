import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";

// The PostgreSQL pool's settings as the server sees them on a connection (lib/postgres/pool-settings.ts); SQLite's pragmas: the .sqlite counterpart.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

describe("the PostgreSQL pool", () => {
  it("opens connections with the pool settings: application name and timeouts", async () => {
    const [row] = await db.$queryRawUnsafe<Record<string, string>[]>(
      `SELECT current_setting('application_name') AS application_name,
              current_setting('statement_timeout') AS statement_timeout,
              current_setting('idle_in_transaction_session_timeout') AS idle_in_transaction`,
    );
    expect(row).toEqual({ application_name: "claimwatch", statement_timeout: "15s", idle_in_transaction: "30s" });
  });

  it("cancels a statement that runs longer than statement_timeout with an error, not a hang", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 200");
        await tx.$queryRawUnsafe("SELECT pg_sleep(2)");
      }),
    ).rejects.toThrow(/statement timeout/);
  });
});

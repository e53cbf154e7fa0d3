import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { allowLongTransaction } from "@/lib/db/long-transaction";
import { createTestDb } from "./helpers/test-db";

// The synthetic loader and an import's planning build rows in JavaScript with their transaction open. The pool ends a
// transaction idle for longer than POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS (100,000 synthetic claims died with EPIPE
// that way); allowLongTransaction (lib/db/long-transaction.ts) lifts the limit for that one transaction.

let strict: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const test = await createTestDb();
  cleanup = test.cleanup;
  const before = process.env.POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS;
  process.env.POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS = "1000";
  strict = await createPrismaClient(test.url);
  if (before === undefined) delete process.env.POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS;
  else process.env.POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS = before;
});
afterAll(async () => {
  await strict.$disconnect();
  await cleanup();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("a transaction that works in JavaScript longer than the idle limit is ended by the server", async () => {
  await expect(
    strict.$transaction(async (tx) => {
      await tx.actor.count();
      await pause(2_500);
      return tx.actor.count();
    }),
  ).rejects.toThrow();
});

it("the same transaction completes once allowLongTransaction lifted the limit for it, and only for it", async () => {
  const count = await strict.$transaction(async (tx) => {
    await allowLongTransaction(tx);
    await tx.actor.count();
    await pause(2_500);
    return tx.actor.count();
  });
  expect(count).toBeGreaterThanOrEqual(0);
  const [after] = await strict.$queryRawUnsafe<{ idle_in_transaction_session_timeout: string }[]>(
    "SHOW idle_in_transaction_session_timeout",
  );
  expect(after?.idle_in_transaction_session_timeout).toBe("1s");
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { refuseContention } from "@/lib/actions/refuse-contention";
import { createPrismaClient, type Db, type Tx } from "@/lib/db/create-client";
import { CONTENTION_MESSAGE, TransactionContention } from "@/lib/db/transaction-retry";
import { createTestDb } from "./helpers/test-db";

// What PostgreSQL does that SQLite's one writer never does: it ends one of two transactions that lock rows in
// opposite orders (deadlock, 40P01) or that break SERIALIZABLE (40001). lib/db/transaction-retry.ts runs the loser
// again; when the retries run out, the Server Action runner answers "try again" (lib/actions/refuse-contention.ts).

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, url, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

/** Resolves once `n` callers have arrived: both transactions hold their first lock before either takes its second. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= n) open();
    return opened;
  };
}

const bump = (tx: Tx, id: number) => tx.claim.update({ where: { id }, data: { version: { increment: 1 } } });

/** Two transactions that update claims a and b in opposite orders: PostgreSQL must end one of them as a deadlock. */
function deadlockingPair(client: Db, a: number, b: number) {
  const attempts = [0, 0];
  const meet = barrier(2);
  const run = (i: number, first: number, second: number) =>
    client.$transaction(async (tx) => {
      attempts[i]!++;
      await bump(tx, first);
      await meet();
      await bump(tx, second);
      return i;
    });
  return { attempts, runs: [run(0, a, b), run(1, b, a)] };
}

describe("serialisation failures and deadlocks on PostgreSQL", () => {
  it("runs the loser of a deadlock again: both transactions commit, each write counted once", async () => {
    const [a, b] = [await makeTestClaim(db), await makeTestClaim(db)];
    const { attempts, runs } = deadlockingPair(db, a.id, b.id);
    expect(await Promise.all(runs)).toEqual([0, 1]);
    expect(attempts.reduce((x, y) => x + y)).toBe(3);
    const versions = await db.claim.findMany({ where: { id: { in: [a.id, b.id] } }, select: { version: true } });
    expect(versions.map((v) => v.version)).toEqual([3, 3]);
  });

  it("runs a SERIALIZABLE transaction again after a serialisation failure (40001): no lost update", async () => {
    const claim = await makeTestClaim(db, { location: "" });
    const meet = barrier(2);
    let attempts = 0;
    // Read, wait for the other, then write what was read plus one's own mark: under SERIALIZABLE one must fail.
    const append = (mark: string) =>
      db.$transaction(
        async (tx) => {
          attempts++;
          const { location } = await tx.claim.findUniqueOrThrow({
            where: { id: claim.id },
            select: { location: true },
          });
          await meet();
          await tx.claim.update({ where: { id: claim.id }, data: { location: `${location ?? ""}${mark}` } });
        },
        { isolationLevel: "Serializable" },
      );
    await Promise.all([append("A"), append("B")]);
    expect(attempts).toBe(3);
    const { location } = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { location: true } });
    expect(["AB", "BA"]).toContain(location);
  });

  it("when the retries run out, nothing is written and the action answers 'try again', not a 500", async () => {
    process.env.POSTGRES_TRANSACTION_RETRIES = "0";
    const noRetries = await createPrismaClient(url);
    delete process.env.POSTGRES_TRANSACTION_RETRIES;
    try {
      const [a, b] = [await makeTestClaim(db), await makeTestClaim(db)];
      const { runs } = deadlockingPair(noRetries, a.id, b.id);
      const settled = await Promise.allSettled(runs);
      const lost = settled.filter((s) => s.status === "rejected");
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(TransactionContention);
      const versions = await db.claim.findMany({ where: { id: { in: [a.id, b.id] } }, select: { version: true } });
      expect(versions.map((v) => v.version)).toEqual([2, 2]);

      const { runs: again } = deadlockingPair(noRetries, a.id, b.id);
      const answers = await Promise.all(
        again.map((run) => refuseContention(async () => ({ ok: true as const, data: await run }))),
      );
      expect(answers.filter((r) => r.ok)).toHaveLength(1);
      expect(answers.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: {}, formError: CONTENTION_MESSAGE });
    } finally {
      await noRetries.$disconnect();
    }
  });
});

import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClaim } from "@/lib/data/writes/claims";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { claimForm } from "./helpers/editor-fixtures";

// Issue 13's fault: "PostgreSQL restarting during a write loop loses no acknowledged write". The server restarts
// as after a crash (`pg_ctl -m immediate`: no shutdown checkpoint, the WAL is replayed) while four editors keep
// creating claims through the product's own write (lib/data/writes/claims.ts). Every write that returned ok must be
// there afterwards with its audit event; a write that failed is either whole or absent, never half; and the pool
// reconnects on its own — writes succeed again after the restart without restarting the app.
// The cluster is this test's own (scripts/postgres-local.sh), not TEST_DATABASE_URL's, which other files share.

const run = promisify(execFile);
const PORT = process.env.TEST_PG_RESTART_PORT ?? "5498";
const WRITERS = 4;
/** A pool no larger than the writers: a connection lost to a restart would soon leave writers waiting forever. */
const POOL_SIZE = "4";
/** Restart after this many acknowledged writes, then again after as many more, RESTARTS times. */
const EVERY = 30;
const RESTARTS = 3;
const AFTER_LAST_RESTART = 30;

let db: Db;
let editor: TestUser;
let actorId: number;

beforeAll(async () => {
  execFileSync("bash", ["scripts/postgres-local.sh", "stop", PORT]);
  const url = execFileSync("bash", ["scripts/postgres-local.sh", "start", PORT], { encoding: "utf8" }).trim();
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const poolSize = process.env.POSTGRES_POOL_SIZE;
  process.env.POSTGRES_POOL_SIZE = POOL_SIZE;
  db = await createPrismaClient(url);
  if (poolSize === undefined) delete process.env.POSTGRES_POOL_SIZE;
  else process.env.POSTGRES_POOL_SIZE = poolSize;
  editor = await makeTestUser(db, { name: "Restart Editor" });
  actorId = (await makeTestClaim(db)).claimant.id;
}, 120_000);

afterAll(async () => {
  execFileSync("bash", ["scripts/postgres-local.sh", "stop", PORT]);
});

it("loses no acknowledged write when PostgreSQL restarts during a write loop, and writes again afterwards", async () => {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  let restarts = 0;
  let ackedAfterLast = 0;
  let restarting: Promise<unknown> | null = null;
  const allRestarts: Promise<unknown>[] = [];
  let n = 0;

  function maybeRestart() {
    if (restarting || restarts >= RESTARTS || acknowledged.length < EVERY * (restarts + 1)) return;
    restarting = run("bash", ["scripts/postgres-local.sh", "restart", PORT, "immediate"]).then(() => {
      restarts++;
      restarting = null;
    });
    allRestarts.push(restarting);
  }

  async function writer(w: number) {
    const deadline = Date.now() + 100_000;
    while (Date.now() < deadline && !(restarts === RESTARTS && ackedAfterLast >= AFTER_LAST_RESTART)) {
      const statement = `Restart loop write ${w}-${n++}: a checkpoint near Torkham was struck.`;
      try {
        const result = await createClaim(db, editor, claimForm(actorId, { statement }));
        if (!result.ok) throw new Error(JSON.stringify(result));
        acknowledged.push(statement);
        if (restarts === RESTARTS) ackedAfterLast++;
      } catch {
        failed.push(statement);
        await new Promise((r) => setTimeout(r, 50));
      }
      maybeRestart();
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  await Promise.all(allRestarts);

  expect(restarts).toBe(RESTARTS);
  // Writers were in the middle of transactions when the server went away: some writes failed.
  expect(failed.length).toBeGreaterThan(0);
  // The pool found its way back each time, with no connection lost to a transaction that died.
  expect(ackedAfterLast).toBeGreaterThanOrEqual(AFTER_LAST_RESTART);

  const stored = await db.claim.findMany({
    where: { statement: { startsWith: "Restart loop write" } },
    select: { id: true, statement: true },
  });
  const storedStatements = new Set(stored.map((c) => c.statement));
  const lost = acknowledged.filter((s) => !storedStatements.has(s));
  expect(lost).toEqual([]);

  // Whole or absent: every stored claim of the loop, acknowledged or not, has its audit event.
  const audited = new Set(
    (
      await db.auditEvent.findMany({
        where: { entity: "Claim", action: "create", entityId: { in: stored.map((c) => String(c.id)) } },
        select: { entityId: true },
      })
    ).map((a) => a.entityId),
  );
  expect(stored.filter((c) => !audited.has(String(c.id)))).toEqual([]);
  // Nothing stored that no writer attempted.
  const attempted = new Set([...acknowledged, ...failed]);
  expect(stored.filter((c) => !attempted.has(c.statement))).toEqual([]);

  // Every connection is back in the pool: ending it does not wait for ones still checked out.
  const ended = await Promise.race([
    db.$disconnect().then(() => "ended"),
    new Promise((r) => setTimeout(() => r("connections still checked out after 10 s"), 10_000)),
  ]);
  expect(ended).toBe("ended");
}, 150_000);

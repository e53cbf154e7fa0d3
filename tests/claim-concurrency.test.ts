import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { addFigure } from "@/lib/data/writes/figures";
import { changeStatus } from "@/lib/data/writes/status";
import { updateClaim } from "@/lib/data/writes/claims";
import type { Db } from "@/lib/db/create-client";
import { ClaimUpdateSchema } from "@/lib/validation/claim";
import { FigureSchema } from "@/lib/validation/figure";
import { createTestDb } from "./helpers/test-db";

// No lost updates: N saves of one version of a claim, at the same moment, on a real SQLite file, through the one
// client a server process holds. (Several connections in one Node process cannot be tested this way: better-sqlite3
// waits for a lock synchronously, blocking the very thread that would release it. The app keeps one writing process.)

let db: Db;
let cleanup: () => Promise<void>;
let editors: TestUser[];
const N = 8;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editors = [];
  for (let i = 0; i < N; i++) editors.push(await makeTestUser(db, { name: `Racer ${i}` }));
});
afterAll(async () => cleanup());

function editForm(claim: { id: number; claimant: { id: number } }, i: number) {
  return ClaimUpdateSchema.parse({
    claimId: claim.id,
    version: 1,
    slug: "",
    statement: `Statement written by racer ${i}`,
    category: "CASUALTIES",
    kind: "FACT",
    claimant: { mode: "existing", actorId: claim.claimant.id },
    claimedAt: "2026-11-20",
  });
}

describe("optimistic concurrency on Claim.version", () => {
  it("lets exactly one of N concurrent edits of one version win; the others write nothing", async () => {
    const claim = await makeTestClaim(db);
    const auditBefore = await db.auditEvent.count();

    const results = await Promise.all(editors.map((editor, i) => updateClaim(db, editor, editForm(claim, i))));

    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const [i, r] of results.entries()) {
      if (i !== winner) expect(r).toMatchObject({ ok: false, conflict: { changedBy: `Racer ${winner}` } });
    }
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, version: true, updatedById: true },
    });
    expect(row).toEqual({
      statement: `Statement written by racer ${winner}`,
      version: 2,
      updatedById: editors[winner]!.id,
    });
    expect(await db.auditEvent.count()).toBe(auditBefore + 1);
  });

  it("lets exactly one win when the saves are different kinds of write (edit, status, figure)", async () => {
    const claim = await makeTestClaim(db);
    const actorId = claim.claimant.id;
    const before = { figures: await db.casualtyFigure.count(), changes: await db.statusChange.count() };
    const results = await Promise.all([
      updateClaim(db, editors[0]!, editForm(claim, 0)),
      changeStatus(db, editors[1]!, { claimId: claim.id, version: 1, status: "IN_REVIEW", rationale: "Checking." }),
      addFigure(
        db,
        editors[2]!,
        FigureSchema.parse({
          claimId: claim.id,
          version: 1,
          reportedById: actorId,
          population: "CIVILIANS",
          outcome: "KILLED",
          min: 3,
          max: 4,
          noSourceReason: "Read out at a press briefing; no transcript.",
        }),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const written =
      (await db.casualtyFigure.count()) - before.figures + ((await db.statusChange.count()) - before.changes);
    const winner = results.findIndex((r) => r.ok);
    expect(written).toBe(winner === 0 ? 0 : 1);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version).toBe(2);
  });
});

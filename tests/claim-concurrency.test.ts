import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { addFigure } from "@/lib/data/writes/figures";
import { changeStatus } from "@/lib/data/writes/status";
import { updateClaim } from "@/lib/data/writes/claims";
import type { Db } from "@/lib/db/create-client";
import { ClaimUpdateSchema, OpenedWithSchema } from "@/lib/validation/claim";
import { claimFieldSelect, claimFormValues } from "@/lib/domain/claim-fields";
import { FigureSchema } from "@/lib/validation/figure";
import { createTestDb } from "./helpers/test-db";

// No lost updates: N saves of one version (or of one field) of a claim, at the same moment, on a real SQLite file, through the one
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

/** What the edit form holds when it is opened on the claim as stored now (app/editor/claims/[id]/page.tsx). */
async function openedWith(claimId: number) {
  const row = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { slug: true, ...claimFieldSelect, claimantId: true, incidentId: true },
  });
  return OpenedWithSchema.parse({
    ...claimFormValues(row),
    slug: row.slug,
    claimantId: row.claimantId,
    incidentId: "",
  });
}

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

  it("with the values the form was opened with, exactly one of N concurrent saves of the statement wins", async () => {
    const claim = await makeTestClaim(db);
    const opened = await openedWith(claim.id);
    const results = await Promise.all(
      editors.map((editor, i) => updateClaim(db, editor, { ...editForm(claim, i), openedWith: opened })),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const [i, r] of results.entries()) {
      if (i === winner) continue;
      expect(r).toMatchObject({ ok: false, fieldErrors: { statement: [expect.stringContaining(`Racer ${winner}`)] } });
      expect(!r.ok && r.formError).toContain(`Statement written by racer ${winner}`);
    }
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, version: true },
    });
    expect(row).toEqual({ statement: `Statement written by racer ${winner}`, version: 2 });
  });

  it("lets unrelated saves made at the same moment all succeed: the statement, the location, a figure", async () => {
    const claim = await makeTestClaim(db, { location: "Khost" });
    const opened = await openedWith(claim.id);
    const figuresBefore = await db.casualtyFigure.count({ where: { claimId: claim.id } });
    const results = await Promise.all([
      updateClaim(db, editors[0]!, { ...editForm(claim, 0), location: "Khost", openedWith: opened }),
      updateClaim(db, editors[1]!, {
        ...editForm(claim, 1),
        statement: claim.statement,
        location: "Kurram",
        openedWith: opened,
      }),
      addFigure(
        db,
        editors[2]!,
        FigureSchema.parse({
          claimId: claim.id,
          version: 1,
          reportedById: claim.claimant.id,
          population: "CIVILIANS",
          outcome: "KILLED",
          min: 3,
          max: 4,
          noSourceReason: "Read out at a press briefing; no transcript.",
        }),
      ),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, location: true, version: true },
    });
    expect(row).toEqual({ statement: "Statement written by racer 0", location: "Kurram", version: 4 });
    expect(await db.casualtyFigure.count({ where: { claimId: claim.id } })).toBe(figuresBefore + 1);
  });

  it("keeps a status change version-checked: after another editor's figure it is refused, writing nothing", async () => {
    const claim = await makeTestClaim(db);
    const figure = await addFigure(
      db,
      editors[0]!,
      FigureSchema.parse({
        claimId: claim.id,
        version: 1,
        reportedById: claim.claimant.id,
        population: "CIVILIANS",
        outcome: "INJURED",
        min: 1,
        max: 2,
        noSourceReason: "Read out at a press briefing; no transcript.",
      }),
    );
    expect(figure.ok).toBe(true);
    const changes = await db.statusChange.count();
    const status = await changeStatus(db, editors[1]!, {
      claimId: claim.id,
      version: 1,
      status: "IN_REVIEW",
      rationale: "Checking.",
    });
    expect(status).toMatchObject({ ok: false, conflict: { changedBy: "Racer 0" } });
    expect(await db.statusChange.count()).toBe(changes);
  });
});

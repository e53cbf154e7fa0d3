import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { updateClaim } from "@/lib/data/writes/claims";
import { addFigure } from "@/lib/data/writes/figures";
import { changeStatus } from "@/lib/data/writes/status";
import type { Db } from "@/lib/db/create-client";
import { claimFieldSelect, claimFormValues } from "@/lib/domain/claim-fields";
import { compareEdit } from "@/lib/domain/edit-conflicts";
import { ClaimUpdateSchema, OpenedWithSchema } from "@/lib/validation/claim";
import { FigureSchema } from "@/lib/validation/figure";
import { tableCounts } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Edit conflicts only where the same thing changed (docs/decisions/0025-conflicts-per-field.md), on a real database.

let db: Db;
let cleanup: () => Promise<void>;
let alice: TestUser;
let bilal: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  alice = await makeTestUser(db, { name: "Alice Conflict" });
  bilal = await makeTestUser(db, { name: "Bilal Conflict" });
});
afterAll(async () => cleanup());

/** The edit form as a browser opens it on the claim as stored now: its values, and the same values as `openedWith`. */
async function openForm(claimId: number) {
  const row = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { slug: true, version: true, ...claimFieldSelect, claimantId: true, incidentId: true },
  });
  const values = {
    claimId,
    version: row.version,
    slug: row.slug,
    ...claimFormValues(row),
    claimant: { mode: "existing" as const, actorId: row.claimantId },
    incidentId: row.incidentId ?? "",
  };
  const openedWith = OpenedWithSchema.parse({ ...values, claimantId: row.claimantId });
  return (changes: Record<string, unknown>) => ClaimUpdateSchema.parse({ ...values, openedWith, ...changes });
}

describe("compareEdit", () => {
  const opened = { statement: "A", location: "Khost" };
  it("finds the editor's changes, the collisions and what others changed", () => {
    expect(compareEdit(opened, { statement: "B", location: "Khost" }, { statement: "A", location: "Kurram" })).toEqual({
      changed: ["statement"],
      conflicts: [],
      othersChanged: ["location"],
    });
    expect(compareEdit(opened, { statement: "B", location: "Khost" }, { statement: "C", location: "Khost" })).toEqual({
      changed: ["statement"],
      conflicts: [{ field: "statement", theirs: "C", yours: "B" }],
      othersChanged: [],
    });
  });
  it("lets two editors who made the same change agree, and ignores a field the request leaves out", () => {
    expect(compareEdit(opened, { statement: "B" }, { statement: "B", location: "Kurram" }).conflicts).toEqual([]);
    expect(compareEdit(opened, { location: "Khost" }, { statement: "Z", location: "Khost" }).changed).toEqual([]);
  });
});

describe("updateClaim with the values the form was opened with", () => {
  it("saves a location edit made after another editor fixed the statement, keeping their statement", async () => {
    const claim = await makeTestClaim(db, { location: "Khost", published: false });
    const aliceForm = await openForm(claim.id);
    const bilalForm = await openForm(claim.id);
    expect((await updateClaim(db, alice, aliceForm({ statement: "Alice's fixed statement" }))).ok).toBe(true);

    const saved = await updateClaim(db, bilal, bilalForm({ location: "Kurram district" }));
    expect(saved).toMatchObject({ ok: true, data: { previousVersion: 2, version: 3, othersChanged: ["statement"] } });
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, location: true, updatedById: true },
    });
    expect(row).toEqual({ statement: "Alice's fixed statement", location: "Kurram district", updatedById: bilal.id });
  });

  it("refuses a statement edit when the statement changed since, naming the field, both values, who and when", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const aliceForm = await openForm(claim.id);
    const bilalForm = await openForm(claim.id);
    expect((await updateClaim(db, alice, aliceForm({ statement: "Alice's statement" }))).ok).toBe(true);

    const before = await tableCounts(db);
    const refused = await updateClaim(db, bilal, bilalForm({ statement: "Bilal's statement", location: "Paktika" }));
    expect(refused).toMatchObject({
      ok: false,
      conflict: { changedBy: "Alice Conflict" },
      fieldErrors: {
        statement: [expect.stringMatching(/^Changed by Alice Conflict at .+: now “Alice's statement”\.$/)],
      },
    });
    expect(!refused.ok && refused.formError).toMatch(
      /^Alice Conflict changed the statement at .+ since you opened this form: it is now “Alice's statement”; yours is “Bilal's statement”\. Nothing was saved/,
    );
    expect(await tableCounts(db)).toEqual(before);
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, location: true },
    });
    expect(row).toEqual({ statement: "Alice's statement", location: null });
  });

  it("accepts the same change made by two editors, and a second save from the same form after its own save", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const aliceForm = await openForm(claim.id);
    const bilalForm = await openForm(claim.id);
    expect((await updateClaim(db, alice, aliceForm({ location: "Spin Boldak" }))).ok).toBe(true);
    expect((await updateClaim(db, bilal, bilalForm({ location: "Spin Boldak" }))).ok).toBe(true);
    expect((await updateClaim(db, bilal, bilalForm({ statement: "Bilal's own statement" }))).ok).toBe(true);
  });

  it("names the claimant by name when the claimant changed since", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const other = await makeTestClaim(db, { published: false });
    const otherActor = await db.actor.findUniqueOrThrow({ where: { id: other.claimant.id }, select: { name: true } });
    const aliceForm = await openForm(claim.id);
    const bilalForm = await openForm(claim.id);
    expect(
      (await updateClaim(db, alice, aliceForm({ claimant: { mode: "existing", actorId: other.claimant.id } }))).ok,
    ).toBe(true);
    const refused = await updateClaim(
      db,
      bilal,
      bilalForm({ claimant: { mode: "new", actor: { name: "Ghost actor", kind: "MEDIA" } } }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { "claimant.actorId": [expect.stringContaining(otherActor.name)] },
    });
    expect(await db.actor.count({ where: { name: "Ghost actor" } })).toBe(0);
  });

  it("checks the kind rule against the status stored when it writes, not when the form was opened", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const bilalForm = await openForm(claim.id);
    expect(
      (
        await changeStatus(db, alice, {
          claimId: claim.id,
          version: 1,
          status: "DISPUTED",
          rationale: "Two sources contradict the claimed strike location.",
        })
      ).ok,
    ).toBe(true);
    const refused = await updateClaim(db, bilal, bilalForm({ kind: "POSITION" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { kind: [expect.stringMatching(/not rated/)] } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { kind: true } })).kind).toBe("FACT");
  });

  it("does not let a figure added by another editor block a statement edit, nor the reverse", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const aliceForm = await openForm(claim.id);
    const figure = FigureSchema.parse({
      claimId: claim.id,
      version: 1,
      reportedById: claim.claimant.id,
      population: "CIVILIANS",
      outcome: "KILLED",
      min: 2,
      max: 2,
      noSourceReason: "Read out at a press briefing; no transcript.",
    });
    expect((await addFigure(db, bilal, figure)).ok).toBe(true);
    expect((await updateClaim(db, alice, aliceForm({ statement: "Alice after Bilal's figure" }))).ok).toBe(true);
    expect(await addFigure(db, bilal, figure)).toMatchObject({ ok: true, data: { previousVersion: 3, version: 4 } });
  });
});

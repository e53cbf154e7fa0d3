import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { getClaimChecklist, listChecklistSteps, openStepNames } from "@/lib/data/reads/checklist";
import { addStep, moveStep, renameStep, retireStep, tickStep } from "@/lib/data/writes/checklist";
import { changeStatus } from "@/lib/data/writes/status";
import type { Db } from "@/lib/db/create-client";
import { SEED_STEPS, STEP_NAME_MAX, openStepsWarning } from "@/lib/domain/checklist";
import { AddStepSchema, RenameStepSchema, TickStepSchema } from "@/lib/validation/checklist";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { seedChecklist } from "@/prisma/seed-checklist";
import { auditOf } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
let admin: TestUser;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  admin = await makeTestUser(db, { name: "Checklist Admin", role: "ADMIN" });
  editor = await makeTestUser(db, { name: "Checklist Editor" });
  await seedChecklist(db);
});
afterAll(async () => cleanup());

/** Every row the checklist writes can touch: "nothing written" means none of these moves. */
async function checklistRows() {
  const [steps, ticks, audit, claims] = await Promise.all([
    db.checklistStep.findMany({ orderBy: { id: "asc" } }),
    db.checklistTick.findMany({ orderBy: [{ claimId: "asc" }, { stepId: "asc" }] }),
    db.auditEvent.count(),
    db.claim.findMany({ select: { id: true, version: true, updatedAt: true } }),
  ]);
  return { steps, ticks, audit, claims };
}

async function activeNames() {
  return (await listChecklistSteps(db)).active.map((s) => s.name);
}

async function stepId(name: string) {
  return (await db.checklistStep.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

const tick = (claimId: number, id: number, done = true) =>
  tickStep(db, editor, TickStepSchema.parse({ claimId, stepId: id, done }));

describe("the seed", () => {
  it("starts the checklist with the issue's four steps, once", async () => {
    expect(await activeNames()).toEqual([...SEED_STEPS]);
    await seedChecklist(db);
    expect(await db.checklistStep.count()).toBe(SEED_STEPS.length);
  });
});

describe("step names", () => {
  it("refuses empty, blank, over-long and control-character names in the schema", () => {
    for (const name of ["", "   ", "x".repeat(STEP_NAME_MAX + 1), "Call\u0007 them", 42, null]) {
      const parsed = AddStepSchema.safeParse({ name });
      expect(parsed.success, JSON.stringify(name)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["name"]);
    }
    expect(AddStepSchema.parse({ name: "  Check the archive  " })).toEqual({ name: "Check the archive" });
    expect(RenameStepSchema.safeParse({ stepId: "abc", name: "ok" }).success).toBe(false);
  });
});

describe("admin writes", () => {
  it("adds a step at the end, with its AuditEvent", async () => {
    const result = await addStep(db, admin, { name: "Check the archive" });
    expect(result.ok).toBe(true);
    expect((await activeNames()).at(-1)).toBe("Check the archive");
    const id = await stepId("Check the archive");
    expect(await auditOf(db, "ChecklistStep", id)).toMatchObject([
      { userId: admin.id, action: "create", changes: { name: "Check the archive" } },
    ]);
  });

  it("refuses a name already used, whatever its case, and writes nothing", async () => {
    const before = await checklistRows();
    const result = await addStep(db, admin, { name: "geolocate" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: ["A step named “Geolocate” is already on the checklist."] },
    });
    const rename = await renameStep(db, admin, { stepId: await stepId("Check the archive"), name: "GEOLOCATE" });
    expect(rename).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringContaining("already on the checklist")] },
    });
    expect(await checklistRows()).toEqual(before);
  });

  it("renames a step, with the old and new name in the audit", async () => {
    const id = await stepId("Check the archive");
    expect((await renameStep(db, admin, { stepId: id, name: "Search the archives" })).ok).toBe(true);
    expect(await auditOf(db, "ChecklistStep", id)).toContainEqual({
      userId: admin.id,
      action: "rename",
      changes: { name: ["Check the archive", "Search the archives"] },
    });
  });

  it("moves a step up and down among the steps in use, and refuses to move past either end", async () => {
    const id = await stepId("Geolocate");
    expect((await moveStep(db, admin, { stepId: id, direction: "up" })).ok).toBe(true);
    expect((await activeNames()).slice(0, 2)).toEqual(["Geolocate", "Locate the original statement"]);
    const before = await checklistRows();
    expect(await moveStep(db, admin, { stepId: id, direction: "up" })).toMatchObject({
      ok: false,
      formError: "“Geolocate” is already first on the checklist.",
    });
    const last = await stepId("Search the archives");
    expect(await moveStep(db, admin, { stepId: last, direction: "down" })).toMatchObject({ ok: false });
    expect(await checklistRows()).toEqual(before);
    expect((await moveStep(db, admin, { stepId: id, direction: "down" })).ok).toBe(true);
    expect((await activeNames()).slice(0, 2)).toEqual(["Locate the original statement", "Geolocate"]);
  });

  it("refuses unknown steps with a clear message and writes nothing", async () => {
    const before = await checklistRows();
    for (const result of [
      await renameStep(db, admin, { stepId: 999999, name: "Anything" }),
      await moveStep(db, admin, { stepId: 999999, direction: "up" }),
      await retireStep(db, admin, { stepId: 999999 }),
    ]) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { stepId: [expect.stringContaining("does not exist")] } });
    }
    expect(await checklistRows()).toEqual(before);
  });
});

describe("ticking on a claim", () => {
  it("records who ticked a step and when, audited on the claim, without moving the claim's version", async () => {
    const claim = await makeTestClaim(db);
    const id = await stepId("Geolocate");
    const before = Date.now();
    expect(await tick(claim.id, id)).toEqual({ ok: true, data: undefined });
    const steps = await getClaimChecklist(db, claim.id);
    const row = steps.find((s) => s.id === id)!;
    expect(row.tick?.by).toBe("Checklist Editor");
    expect(row.tick!.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(steps.filter((s) => s.tick).map((s) => s.name)).toEqual(["Geolocate"]);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version).toBe(1);
    expect(await auditOf(db, "Claim", claim.id)).toContainEqual({
      userId: editor.id,
      action: "checklist-tick",
      changes: { stepId: id, step: "Geolocate", ticked: [false, true] },
    });
  });

  it("refuses a second tick, an untick of an open step, an unknown step or claim, and writes nothing", async () => {
    const claim = await makeTestClaim(db);
    const id = await stepId("Contact the claimant");
    await tick(claim.id, id);
    const before = await checklistRows();
    expect(await tick(claim.id, id)).toMatchObject({
      ok: false,
      fieldErrors: {
        stepId: [expect.stringMatching(/^“Contact the claimant” is already ticked by Checklist Editor at /)],
      },
    });
    expect(await tick(claim.id, await stepId("Geolocate"), false)).toMatchObject({
      ok: false,
      formError: "“Geolocate” is not ticked on this claim.",
    });
    expect(await tick(claim.id, 999999)).toMatchObject({ ok: false, fieldErrors: { stepId: [expect.any(String)] } });
    expect(await tick(999999, id)).toMatchObject({ ok: false, fieldErrors: { claimId: [expect.any(String)] } });
    expect(await checklistRows()).toEqual(before);
    // Unticking works and is audited.
    expect((await tick(claim.id, id, false)).ok).toBe(true);
    expect((await getClaimChecklist(db, claim.id)).every((s) => s.tick === null)).toBe(true);
    expect((await auditOf(db, "Claim", claim.id)).at(-1)).toMatchObject({ action: "checklist-untick" });
  });

  it("rejects crafted tick input in the schema", () => {
    for (const input of [
      {},
      { claimId: 1, stepId: 1 },
      { claimId: 1, stepId: 1, done: "true" },
      { claimId: -1, stepId: 1, done: true },
    ]) {
      expect(TickStepSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
});

describe("retiring a step", () => {
  it("takes it off the checklist but keeps its ticks as history on the claims that ticked it", async () => {
    const { id } = await db.checklistStep.create({ data: { name: "Ask a second source", position: 99 } });
    const ticked = await makeTestClaim(db);
    const other = await makeTestClaim(db);
    await tick(ticked.id, id);
    expect((await retireStep(db, admin, { stepId: id })).ok).toBe(true);

    expect(await activeNames()).not.toContain("Ask a second source");
    expect((await listChecklistSteps(db)).retired).toMatchObject([
      { name: "Ask a second source", _count: { ticks: 1 } },
    ]);
    const history = (await getClaimChecklist(db, ticked.id)).at(-1);
    expect(history).toMatchObject({ name: "Ask a second source", retired: true, tick: { by: "Checklist Editor" } });
    expect((await getClaimChecklist(db, other.id)).map((s) => s.name)).not.toContain("Ask a second source");
    expect(await openStepNames(db, other.id)).not.toContain("Ask a second source");

    const before = await checklistRows();
    const refused = "The step “Ask a second source” is retired: it can no longer be changed or ticked.";
    expect(await tick(other.id, id)).toMatchObject({ ok: false, fieldErrors: { stepId: [refused] } });
    expect(await tick(ticked.id, id, false)).toMatchObject({ ok: false, fieldErrors: { stepId: [refused] } });
    expect(await renameStep(db, admin, { stepId: id, name: "Another name" })).toMatchObject({ ok: false });
    expect(await moveStep(db, admin, { stepId: id, direction: "up" })).toMatchObject({ ok: false, formError: refused });
    expect(await retireStep(db, admin, { stepId: id })).toMatchObject({ ok: false });
    expect(await addStep(db, admin, { name: "ask a second source" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["A retired step is already named “Ask a second source”: choose another name."] },
    });
    expect(await checklistRows()).toEqual(before);
  });
});

describe("a final verdict with open steps", () => {
  const RATIONALE = "Two independent reports contradict the official count.";
  const change = (claimId: number, version: number, status: string) =>
    changeStatus(db, editor, StatusChangeSchema.parse({ claimId, version, status, rationale: RATIONALE }));

  it("is saved, with a warning that names the open steps", async () => {
    // A draft, so the verdict is saved at once rather than proposed for review (tests/review.test.ts).
    const claim = await makeTestClaim(db, { published: false });
    const open = await openStepNames(db, claim.id);
    expect(open.length).toBeGreaterThan(1);
    const result = await change(claim.id, 1, "FALSE");
    expect(result).toMatchObject({ ok: true, data: { version: 2, warning: openStepsWarning("FALSE", open) } });
    expect(result.ok && result.data.warning).toContain("“Geolocate”");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status).toBe(
      "FALSE",
    );
  });

  it("has no warning once every step in use is ticked, nor for a status that is not final", async () => {
    const claim = await makeTestClaim(db);
    expect(await change(claim.id, 1, "IN_REVIEW")).toMatchObject({ ok: true, data: { warning: null } });
    for (const s of (await listChecklistSteps(db)).active) await tick(claim.id, s.id);
    expect(await change(claim.id, 2, "CONFIRMED")).toMatchObject({ ok: true, data: { warning: null } });
  });

  it("words the warning for one and for several steps, and only for final statuses", () => {
    expect(openStepsWarning("DISPUTED", ["Geolocate"])).toBe(
      "Disputed is a final verdict, but 1 verification step is still open: “Geolocate”.",
    );
    expect(openStepsWarning("MISLEADING", ["A", "B"])).toBe(
      "Misleading is a final verdict, but 2 verification steps are still open: “A”, “B”.",
    );
    expect(openStepsWarning("CONFIRMED", [])).toBeNull();
    expect(openStepsWarning("IN_REVIEW", ["A"])).toBeNull();
    expect(openStepsWarning("UNVERIFIED", ["A"])).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { listCorrections } from "@/lib/data/reads/corrections";
import { getPublishedClaim } from "@/lib/data/reads/claims";
import { changeStatus } from "@/lib/data/writes/status";
import type { Db } from "@/lib/db/create-client";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { auditOf, tableCounts } from "./helpers/editor-fixtures";
import { failInsertsWhere } from "./helpers/failing-insert";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editor = await makeTestUser(db, { name: "Status Editor" });
  // The status workflow as it runs when a change takes effect at once: a one-person desk with review off (this
  // test file's own database). The same changes with review in force, proposed and approved: tests/review.test.ts.
  await db.deskSettings.create({ data: { id: 1, reviewRequired: false } });
});
afterAll(async () => cleanup());

const RATIONALE = "Two independent reports contradict the official count.";

async function versionOf(id: number) {
  return (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

function change(claimId: number, version: number, status: string, rationale = RATIONALE) {
  return changeStatus(db, editor, StatusChangeSchema.parse({ claimId, version, status, rationale }));
}

describe("changeStatus", () => {
  it("writes the claim, a StatusChange and an AuditEvent together", async () => {
    const claim = await makeTestClaim(db, { published: true });
    const result = await change(claim.id, 1, "FALSE");
    expect(result).toMatchObject({ ok: true, data: { version: 2, isCorrection: false } });

    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { status: true, statusRationale: true, version: true, updatedById: true },
    });
    expect(row).toEqual({ status: "FALSE", statusRationale: RATIONALE, version: 2, updatedById: editor.id });
    const changes = await db.statusChange.findMany({
      where: { claimId: claim.id },
      select: { from: true, to: true, rationale: true, editorId: true, isCorrection: true },
    });
    expect(changes).toEqual([
      { from: "UNVERIFIED", to: "FALSE", rationale: RATIONALE, editorId: editor.id, isCorrection: false },
    ]);
    const audit = await auditOf(db, "Claim", claim.id);
    expect(audit).toMatchObject([
      {
        action: "status",
        userId: editor.id,
        changes: { status: ["UNVERIFIED", "FALSE"], isCorrection: false, version: [1, 2] },
      },
    ]);

    // The reader timeline shows it.
    const reader = await getPublishedClaim(db, claim.slug);
    expect(reader?.status).toBe("FALSE");
    expect(reader?.statusChanges.at(-1)).toMatchObject({
      to: "FALSE",
      rationale: RATIONALE,
      editor: { name: "Status Editor" },
    });
  });

  it("needs at least one linked source before a final status, and writes nothing otherwise", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    const before = await tableCounts(db);
    const result = await change(claim.id, 1, "CONFIRMED");
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { status: [expect.stringMatching(/at least one source/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
    expect(await versionOf(claim.id)).toBe(1);
    // A non-final status needs no source.
    expect((await change(claim.id, 1, "IN_REVIEW", "Checking with local reporters.")).ok).toBe(true);
  });

  it("needs a rationale of 20 characters for a final status, even when the schema was skipped", async () => {
    const claim = await makeTestClaim(db);
    const before = await tableCounts(db);
    const result = await changeStatus(db, editor, {
      claimId: claim.id,
      version: 1,
      status: "MISLEADING",
      rationale: "Too short",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { rationale: [expect.stringMatching(/20 characters/)] } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("reports a missing source and a short rationale together, each at its field (lib/domain/verdict.ts)", async () => {
    const claim = await makeTestClaim(db, { sources: [] });
    const before = await tableCounts(db);
    const result = await changeStatus(db, editor, {
      claimId: claim.id,
      version: 1,
      status: "FALSE",
      rationale: "Too short.",
    });
    expect(result).toEqual({
      ok: false,
      formError: "A final verdict (False) needs a rationale of at least 20 characters; this one has 10.",
      fieldErrors: {
        rationale: ["A final verdict (False) needs a rationale of at least 20 characters; this one has 10."],
        status: ["Link at least one source to this claim before giving it a final verdict (False)."],
      },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses to rate a POSITION claim", async () => {
    const claim = await makeTestClaim(db, { kind: "POSITION" });
    const before = await tableCounts(db);
    for (const status of ["CONFIRMED", "IN_REVIEW"]) {
      const result = await change(claim.id, 1, status);
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { status: [expect.stringMatching(/Positions are not rated/)] },
      });
    }
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses the status the claim already has", async () => {
    const claim = await makeTestClaim(db, { status: "DISPUTED" });
    expect(await change(claim.id, 1, "DISPUTED")).toMatchObject({
      ok: false,
      fieldErrors: { status: [expect.stringMatching(/already Disputed/)] },
    });
  });

  it("marks a change away from a published final verdict as a correction, listed on /corrections", async () => {
    const claim = await makeTestClaim(db, { status: "CONFIRMED", published: true });
    const result = await change(claim.id, 1, "DISPUTED", "New footage shows the strike hit a different village.");
    expect(result).toMatchObject({ ok: true, data: { isCorrection: true } });
    const { corrections } = await listCorrections(db);
    expect(corrections.find((c) => c.entry === "correction" && c.claim.slug === claim.slug)).toMatchObject({
      from: "CONFIRMED",
      to: "DISPUTED",
      rationale: "New footage shows the strike hit a different village.",
    });
  });

  it("does not mark a correction for drafts or for changes away from a non-final status", async () => {
    const draft = await makeTestClaim(db, { status: "CONFIRMED", published: false });
    expect(await change(draft.id, 1, "FALSE")).toMatchObject({ ok: true, data: { isCorrection: false } });
    const reviewing = await makeTestClaim(db, { status: "IN_REVIEW", published: true });
    expect(await change(reviewing.id, 1, "FALSE")).toMatchObject({ ok: true, data: { isCorrection: false } });
    // Final → final on a published claim is a correction too: the verdict readers saw changed.
    const published = await makeTestClaim(db, { status: "FALSE", published: true });
    expect(await change(published.id, 1, "MISLEADING")).toMatchObject({ ok: true, data: { isCorrection: true } });
  });

  it("refuses a stale version, writing nothing", async () => {
    const claim = await makeTestClaim(db);
    expect((await change(claim.id, 1, "IN_REVIEW", "Looking into it now.")).ok).toBe(true);
    const before = await tableCounts(db);
    const stale = await change(claim.id, 1, "FALSE");
    expect(stale).toMatchObject({ ok: false, conflict: { changedBy: "Status Editor" } });
    expect(await tableCounts(db)).toEqual(before);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status).toBe(
      "IN_REVIEW",
    );
  });

  it("rolls the claim back when the StatusChange insert fails", async () => {
    const claim = await makeTestClaim(db);
    const dropTrigger = await failInsertsWhere(db, "unit_fail_status", "StatusChange", `NEW."claimId" = ${claim.id}`);
    try {
      const before = await tableCounts(db);
      await expect(change(claim.id, 1, "FALSE")).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(before);
      expect(
        await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, version: true } }),
      ).toEqual({ status: "UNVERIFIED", version: 1 });
    } finally {
      await dropTrigger();
    }
  });
});

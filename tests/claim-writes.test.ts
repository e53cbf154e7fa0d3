import { REPORTING_VERB_WARNING } from "@/lib/domain/reporting-verb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { createClaim, setPublished, updateClaim } from "@/lib/data/writes/claims";
import { getEditorClaim } from "@/lib/data/reads/editor-claim-detail";
import type { Db } from "@/lib/db/create-client";
import { ClaimUpdateSchema } from "@/lib/validation/claim";
import { changeStatus } from "@/lib/data/writes/status";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { auditOf, claimForm, tableCounts } from "./helpers/editor-fixtures";
import { failInsertsWhere } from "./helpers/failing-insert";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
let editor: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  editor = await makeTestUser(db, { name: "Ayesha Editor" });
});
afterAll(async () => cleanup());

async function anActor() {
  return (await makeTestClaim(db)).claimant.id;
}

describe("createClaim", () => {
  it("creates a draft with a slug made from the statement, and audits it", async () => {
    const actorId = await anActor();
    const result = await createClaim(
      db,
      editor,
      claimForm(actorId, { statement: "TTP fighters shelter in Kunar, officials say" }),
    );
    expect(result).toMatchObject({ ok: true, data: { slug: "ttp-fighters-shelter-in-kunar-officials-say" } });
    if (!result.ok) return;
    const claim = await getEditorClaim(db, result.data.id);
    expect(claim).toMatchObject({
      publishedAt: null,
      version: 1,
      status: "UNVERIFIED",
      claimantId: actorId,
      location: "Khost",
    });
    expect(claim?.createdBy?.name).toBe("Ayesha Editor");
    const audit = await auditOf(db, "Claim", result.data.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: editor.id, action: "create" });
    expect(audit[0]?.changes).toMatchObject({
      statement: "TTP fighters shelter in Kunar, officials say",
      claimantId: actorId,
    });
  });

  it("numbers a generated slug that is taken, but refuses a typed slug that is taken", async () => {
    const actorId = await anActor();
    const statement = "Border crossing at Torkham closed for a week";
    const first = await createClaim(db, editor, claimForm(actorId, { statement }));
    const second = await createClaim(db, editor, claimForm(actorId, { statement }));
    expect(first.ok && first.data.slug).toBe("border-crossing-at-torkham-closed-for-a-week");
    expect(second.ok && second.data.slug).toBe("border-crossing-at-torkham-closed-for-a-week-2");

    const before = await tableCounts(db);
    const typed = await createClaim(
      db,
      editor,
      claimForm(actorId, { slug: "border-crossing-at-torkham-closed-for-a-week" }),
    );
    expect(typed).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringMatching(/already used/)] } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("creates a new claimant in the same transaction, and audits both", async () => {
    const result = await createClaim(
      db,
      editor,
      claimForm(0, {
        claimant: {
          mode: "new",
          actor: { name: "Paktika Provincial Council", kind: "GOVERNMENT", country: "af", sameAs: "" },
        },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const claim = await getEditorClaim(db, result.data.id);
    const actor = await db.actor.findUniqueOrThrow({
      where: { id: claim!.claimantId },
      select: { id: true, slug: true, country: true },
    });
    expect(actor).toMatchObject({ slug: "paktika-provincial-council", country: "AF" });
    expect(await auditOf(db, "Actor", actor.id)).toMatchObject([{ action: "create", userId: editor.id }]);
  });

  it("refuses a claimant or incident that does not exist, writing nothing", async () => {
    const before = await tableCounts(db);
    const result = await createClaim(db, editor, claimForm(999_999, { incidentId: 888_888 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["claimant.actorId", "incidentId"]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("leaves no actor behind when the claim insert fails inside the transaction", async () => {
    // A trigger makes the claim insert fail after the new actor was written in the same transaction.
    const dropTrigger = await failInsertsWhere(db, "unit_fail_claim", "Claim", `NEW."statement" = 'boom'`);
    try {
      const before = await tableCounts(db);
      const input = claimForm(0, {
        statement: "boom",
        claimant: { mode: "new", actor: { name: "Orphan Actor", kind: "MEDIA" } },
      });
      await expect(createClaim(db, editor, input)).rejects.toThrow();
      expect(await tableCounts(db)).toEqual(before);
    } finally {
      await dropTrigger();
    }
  });
});

describe("updateClaim", () => {
  async function editForm(claimId: number) {
    const claim = await getEditorClaim(db, claimId);
    if (!claim) throw new Error("no claim");
    return {
      claimId,
      version: claim.version,
      slug: claim.slug,
      statement: claim.statement,
      originalText: claim.originalText ?? "",
      originalLanguage: claim.originalLanguage ?? "",
      category: claim.category,
      kind: claim.kind,
      claimant: { mode: "existing" as const, actorId: claim.claimantId },
      claimedAt: claim.claimedAt.toISOString().slice(0, 10),
      location: claim.location ?? "",
      incidentId: claim.incidentId ?? "",
    };
  }

  it("saves the changed fields, moves the version on and audits the difference", async () => {
    const { id } = await makeTestClaim(db, {
      published: false,
      location: "Khost",
      claimedAt: new Date("2026-11-20T00:00:00Z"),
    });
    const form = await editForm(id);
    const input = ClaimUpdateSchema.parse({
      ...form,
      statement: "Revised statement",
      location: "",
      originalText: "بیان",
      originalLanguage: "ps",
    });
    const result = await updateClaim(db, editor, input);
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    const claim = await getEditorClaim(db, id);
    expect(claim).toMatchObject({ statement: "Revised statement", location: null, originalLanguage: "ps", version: 2 });
    expect(claim?.updatedBy?.name).toBe("Ayesha Editor");
    const [audit] = await auditOf(db, "Claim", id);
    expect(audit?.action).toBe("update");
    expect(Object.keys(audit?.changes ?? {}).sort()).toEqual([
      "location",
      "originalLanguage",
      "originalText",
      "statement",
      "version",
    ]);
    expect(audit?.changes.version).toEqual([1, 2]);
  });

  it("saves a statement that starts with “X says” and returns the reporting-verb warning; none for the claim itself", async () => {
    const { id } = await makeTestClaim(db);
    const says = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({ ...(await editForm(id)), statement: "Pakistan says its strikes hit only militants." }),
    );
    expect(says).toMatchObject({ ok: true, data: { version: 2, warning: REPORTING_VERB_WARNING } });
    const plain = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({ ...(await editForm(id)), statement: "Pakistan's strikes hit only militants." }),
    );
    expect(plain).toMatchObject({ ok: true, data: { version: 3, warning: null } });
  });

  it("stores a date known to the year as 1 January, and refuses a future date at its field", async () => {
    const { id } = await makeTestClaim(db);
    const year = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({ ...(await editForm(id)), claimedAt: "2025-07-14", claimedAtPrecision: "YEAR" }),
    );
    expect(year.ok).toBe(true);
    expect(await db.claim.findUniqueOrThrow({ where: { id }, select: { claimedAt: true } })).toEqual({
      claimedAt: new Date("2025-01-01T00:00:00Z"),
    });
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const refused = ClaimUpdateSchema.safeParse({ ...(await editForm(id)), claimedAt: future });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["claimedAt"]);
  });

  it("keeps the slug when the field is left empty, and refuses another claim's slug", async () => {
    const a = await makeTestClaim(db);
    const b = await makeTestClaim(db);
    const kept = await updateClaim(db, editor, ClaimUpdateSchema.parse({ ...(await editForm(a.id)), slug: "" }));
    expect(kept.ok && kept.data.slug).toBe(a.slug);
    const clash = await updateClaim(db, editor, ClaimUpdateSchema.parse({ ...(await editForm(a.id)), slug: b.slug }));
    expect(clash).toMatchObject({ ok: false, fieldErrors: { slug: [expect.any(String)] } });
  });

  it("will not make a rated claim a position", async () => {
    const { id } = await makeTestClaim(db, { status: "DISPUTED" });
    const result = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({ ...(await editForm(id)), kind: "POSITION" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: [expect.stringMatching(/not rated/)] } });
    expect((await getEditorClaim(db, id))?.kind).toBe("FACT");
  });

  it("refuses a stale version with who changed the claim and when, writing nothing", async () => {
    const { id } = await makeTestClaim(db);
    const form = await editForm(id);
    const other = await makeTestUser(db, { name: "Bilal Other" });
    expect((await updateClaim(db, other, ClaimUpdateSchema.parse({ ...form, statement: "Bilal's version" }))).ok).toBe(
      true,
    );

    const before = await tableCounts(db);
    const stale = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({
        ...form,
        statement: "Ayesha's version",
        claimant: { mode: "new", actor: { name: "Ghost actor", kind: "MEDIA" } },
      }),
    );
    expect(stale).toMatchObject({ ok: false, conflict: { changedBy: "Bilal Other" } });
    expect(!stale.ok && stale.formError).toMatch(/^Changed by Bilal Other at .+ since you opened it/);
    expect(await tableCounts(db)).toEqual(before);
    expect((await getEditorClaim(db, id))?.statement).toBe("Bilal's version");
  });

  it("refuses an unknown claim id", async () => {
    const { id } = await makeTestClaim(db);
    const result = await updateClaim(
      db,
      editor,
      ClaimUpdateSchema.parse({ ...(await editForm(id)), claimId: 987_654 }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { claimId: [expect.any(String)] } });
  });
});

describe("setPublished with review off (a one-person desk)", () => {
  // This file's own database: turned off here and back on after, so no other test sees it. With review in force
  // the same calls are proposals (tests/review.test.ts).
  beforeAll(async () => {
    await db.deskSettings.upsert({
      where: { id: 1 },
      create: { id: 1, reviewRequired: false },
      update: { reviewRequired: false },
    });
  });
  afterAll(async () => {
    await db.deskSettings.update({ where: { id: 1 }, data: { reviewRequired: true } });
  });
  const REASON = "Published by mistake: the claimant's quote was misattributed.";

  it("publishes and withdraws at once, with a version check and an audit event each", async () => {
    const { id } = await makeTestClaim(db, { published: false, status: "FALSE" });
    const at = new Date("2026-11-25T10:00:00Z");
    const published = await setPublished(db, editor, { claimId: id, version: 1, publish: true, confirm: true }, at);
    expect(published).toEqual({ ok: true, data: { version: 2, publishedAt: at, proposalId: null } });
    expect(await setPublished(db, editor, { claimId: id, version: 2, publish: true, confirm: true })).toMatchObject({
      ok: false,
      fieldErrors: { publish: [expect.any(String)] },
    });
    expect(await setPublished(db, editor, { claimId: id, version: 1, publish: false, reason: REASON })).toMatchObject({
      ok: false,
      conflict: expect.any(Object),
    });
    const withdrawnAt = new Date("2026-11-26T10:00:00Z");
    const unpublished = await setPublished(
      db,
      editor,
      { claimId: id, version: 2, publish: false, reason: REASON },
      withdrawnAt,
    );
    expect(unpublished).toEqual({ ok: true, data: { version: 3, publishedAt: null, proposalId: null } });
    expect((await auditOf(db, "Claim", id)).map((a) => a.action)).toEqual(["publish", "withdraw"]);
    expect(await getEditorClaim(db, id)).toMatchObject({ publishedAt: null, status: "FALSE" });
    expect(
      await db.claim.findUniqueOrThrow({ where: { id }, select: { withdrawnAt: true, withdrawalReason: true } }),
    ).toEqual({ withdrawnAt, withdrawalReason: REASON });
    expect(await db.proposal.count({ where: { claimId: id } })).toBe(0);
  });

  it("changes a published final verdict at once", async () => {
    const claim = await makeTestClaim(db, { published: true, status: "CONFIRMED" });
    const result = await changeStatus(
      db,
      editor,
      StatusChangeSchema.parse({
        claimId: claim.id,
        version: 1,
        status: "FALSE",
        rationale: "Imagery shows another site.",
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 2, proposalId: null, isCorrection: true } });
    expect(await db.statusChange.findFirst({ where: { claimId: claim.id }, orderBy: { id: "desc" } })).toMatchObject({
      to: "FALSE",
      editorId: editor.id,
      proposedById: null,
    });
  });
});

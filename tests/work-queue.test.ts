import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { readWorkQueue } from "@/lib/data/reads/work-queue";
import { assignClaim } from "@/lib/data/writes/assignment";
import { saveDeskSettings } from "@/lib/data/writes/desk-settings";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { addNote } from "@/lib/data/writes/notes";
import type { Db } from "@/lib/db/create-client";
import { AssignSchema } from "@/lib/validation/assignment";
import { DeskSettingsSchema } from "@/lib/validation/desk-settings";
import { auditOf } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// "My work" (lib/data/reads/work-queue.ts) on a real database, assignment (lib/data/writes/assignment.ts) and the
// desk's settings (lib/data/writes/desk-settings.ts, lib/validation/desk-settings.ts).

const DAY = 24 * 60 * 60 * 1000;
const ALL = { limit: 1000 };

describe("desk settings schema", () => {
  it("takes whole days from 1 to 60, from an input's text or a number, and a real boolean", () => {
    expect(DeskSettingsSchema.parse({ reviewRequired: true, staleReviewDays: "7" })).toEqual({
      reviewRequired: true,
      staleReviewDays: 7,
    });
    expect(DeskSettingsSchema.parse({ reviewRequired: false, staleReviewDays: 60 }).staleReviewDays).toBe(60);
    expect(DeskSettingsSchema.parse({ reviewRequired: false, staleReviewDays: " 1 " }).staleReviewDays).toBe(1);
    // Parsing the output again gives the same output (the action parses what the form produced).
    const out = DeskSettingsSchema.parse({ reviewRequired: true, staleReviewDays: "12" });
    expect(DeskSettingsSchema.parse(out)).toEqual(out);
  });

  it.each([0, 61, "0", "61", "abc", "", "2.5", 2.5, -3, "1e1", null])("refuses %j days at the field", (days) => {
    const result = DeskSettingsSchema.safeParse({ reviewRequired: true, staleReviewDays: days });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["staleReviewDays", "Enter a whole number of days from 1 to 60."],
    ]);
  });

  it("refuses the text “true” for the review box", () => {
    const result = DeskSettingsSchema.safeParse({ reviewRequired: "true", staleReviewDays: 3 });
    expect(result.error?.issues[0]?.path).toEqual(["reviewRequired"]);
  });
});

describe("assignment, the work queue and the settings", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let ana: TestUser;
  let bo: TestUser;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    ana = await makeTestUser(db, { name: "Ana Queue" });
    bo = await makeTestUser(db, { email: `bo${Date.now()}@desk.test`, name: "Bo Queue" });
  });
  afterAll(async () => cleanup());

  const ids = (items: { id: number }[]) => items.map((i) => i.id);
  const claimIds = (items: { claim: { id: number } }[]) => items.map((i) => i.claim.id);

  it("assigns, audits with names, keeps version and updatedAt, and lists the claim in the assignee's queue", async () => {
    const claim = await makeTestClaim(db);
    const before = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { version: true, updatedAt: true },
    });
    const result = await assignClaim(db, ana, { claimId: claim.id, assigneeId: bo.id });
    expect(result).toEqual({ ok: true, data: { assignee: { id: bo.id, name: "Bo Queue" } } });
    const after = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { version: true, updatedAt: true, assigneeId: true },
    });
    expect(after).toEqual({ ...before, assigneeId: bo.id });
    expect((await auditOf(db, "Claim", claim.id)).filter((e) => e.action === "assign")).toEqual([
      { userId: ana.id, action: "assign", changes: { assignee: [null, "Bo Queue"] } },
    ]);
    expect(ids((await readWorkQueue(db, bo.id, ALL)).assigned.items)).toContain(claim.id);
    expect(ids((await readWorkQueue(db, ana.id, ALL)).assigned.items)).not.toContain(claim.id);

    const unassigned = await assignClaim(db, ana, AssignSchema.parse({ claimId: claim.id, assigneeId: "" }));
    expect(unassigned).toEqual({ ok: true, data: { assignee: null } });
    expect(ids((await readWorkQueue(db, bo.id, ALL)).assigned.items)).not.toContain(claim.id);
  });

  it("refuses a disabled account, a missing one and the same assignee at the field, writing nothing", async () => {
    const claim = await makeTestClaim(db);
    const disabled = await makeTestUser(db, { name: "Gone Editor", disabled: true });
    const events = await db.auditEvent.count();
    const gone = await assignClaim(db, ana, { claimId: claim.id, assigneeId: disabled.id });
    expect(gone.ok).toBe(false);
    if (!gone.ok)
      expect(gone.fieldErrors.assigneeId).toEqual(["Gone Editor's account is disabled: choose an active editor."]);
    const missing = await assignClaim(db, ana, { claimId: claim.id, assigneeId: 999_999 });
    if (!missing.ok) expect(missing.fieldErrors.assigneeId?.[0]).toMatch(/no such account/);
    expect(missing.ok).toBe(false);
    const same = await assignClaim(db, ana, { claimId: claim.id, assigneeId: undefined });
    if (!same.ok) expect(same.fieldErrors.assigneeId?.[0]).toMatch(/already assigned to nobody/);
    expect(same.ok).toBe(false);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("lists PENDING proposals to every editor but their proposer", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const proposal = await db.proposal.create({
      data: {
        claimId: claim.id,
        kind: "PUBLISH",
        status: "FALSE",
        rationale: "r".repeat(20),
        claimVersion: 1,
        proposerId: ana.id,
      },
    });
    expect((await readWorkQueue(db, bo.id, ALL)).review.items.map((p) => p.id)).toContain(proposal.id);
    expect((await readWorkQueue(db, ana.id, ALL)).review.items.map((p) => p.id)).not.toContain(proposal.id);
    await db.proposal.update({ where: { id: proposal.id }, data: { state: "APPROVED", reviewerId: bo.id } });
    expect((await readWorkQueue(db, bo.id, ALL)).review.items.map((p) => p.id)).not.toContain(proposal.id);
  });

  it("lists a proposal sent back to its proposer with the comment, until a newer proposal on the claim", async () => {
    const claim = await makeTestClaim(db);
    const propose = (state: "SENT_BACK" | "PENDING", proposerId: number, reviewComment?: string) =>
      db.proposal.create({
        data: {
          claimId: claim.id,
          kind: "VERDICT",
          status: "FALSE",
          rationale: "r".repeat(20),
          claimVersion: 1,
          proposerId,
          state,
          reviewerId: bo.id,
          reviewComment,
        },
      });
    await propose("SENT_BACK", ana.id, "Older comment");
    const latest = await propose("SENT_BACK", ana.id, "Name the second source.");
    const back = (await readWorkQueue(db, ana.id, ALL)).sentBack.items.filter((p) => p.claim.id === claim.id);
    expect(back.map((p) => [p.id, p.reviewComment, p.reviewer?.name])).toEqual([
      [latest.id, "Name the second source.", "Bo Queue"],
    ]);
    expect(claimIds((await readWorkQueue(db, bo.id, ALL)).sentBack.items)).not.toContain(claim.id);
    await propose("PENDING", ana.id);
    expect(claimIds((await readWorkQueue(db, ana.id, ALL)).sentBack.items)).not.toContain(claim.id);
  });

  it("keeps a mention in the queue until the mentioned editor writes a note on the claim after it", async () => {
    const claim = await makeTestClaim(db);
    const handle = bo.email.split("@")[0]!;
    const note = await addNote(db, ana, { claimId: claim.id, text: `Can you check this, @${handle}?` });
    expect(note.ok).toBe(true);
    const mentions = (await readWorkQueue(db, bo.id, ALL)).mentions.items.filter((n) => n.claim.id === claim.id);
    expect(mentions.map((n) => n.author?.name)).toEqual(["Ana Queue"]);
    expect(claimIds((await readWorkQueue(db, ana.id, ALL)).mentions.items)).not.toContain(claim.id);
    await addNote(db, bo, { claimId: claim.id, text: "Checked: the figures hold." });
    expect(claimIds((await readWorkQueue(db, bo.id, ALL)).mentions.items)).not.toContain(claim.id);
    // A new mention after that answer puts it back.
    await addNote(db, ana, { claimId: claim.id, text: `One more thing, @${handle}` });
    expect(claimIds((await readWorkQueue(db, bo.id, ALL)).mentions.items)).toContain(claim.id);
  });

  it("lists claims In review since more than the settings' days, from the last change to In review", async () => {
    const now = new Date();
    const inReview = (daysAgo: number, again?: number) =>
      makeTestClaim(db, {
        status: "IN_REVIEW",
        statusHistory: [
          {
            from: "UNVERIFIED",
            to: "IN_REVIEW",
            rationale: "Checking",
            createdAt: new Date(now.getTime() - daysAgo * DAY),
          },
          ...(again === undefined
            ? []
            : [
                {
                  from: "IN_REVIEW" as const,
                  to: "UNVERIFIED" as const,
                  rationale: "Back",
                  createdAt: new Date(now.getTime() - (again + 0.5) * DAY),
                },
                {
                  from: "UNVERIFIED" as const,
                  to: "IN_REVIEW" as const,
                  rationale: "Again",
                  createdAt: new Date(now.getTime() - again * DAY),
                },
              ]),
        ],
      });
    const old = await inReview(5);
    const fresh = await inReview(1);
    const reopened = await inReview(10, 1); // In review 10 days ago, out, and back in yesterday: not stale
    const stale = (await readWorkQueue(db, ana.id, { ...ALL, now })).staleReview;
    expect(ids(stale.items)).toContain(old.id);
    expect(ids(stale.items)).not.toContain(fresh.id);
    expect(ids(stale.items)).not.toContain(reopened.id);
    const item = stale.items.find((c) => c.id === old.id);
    expect(Math.round((now.getTime() - item!.since.getTime()) / DAY)).toBe(5);

    // Six days: the 5-day-old claim is no longer stale. The count follows the list.
    expect(await saveDeskSettings(db, ana, { reviewRequired: true, staleReviewDays: 6 })).toEqual({
      ok: true,
      data: { changed: true },
    });
    const later = await readWorkQueue(db, ana.id, { ...ALL, now });
    expect(later.staleReviewDays).toBe(6);
    expect(ids(later.staleReview.items)).not.toContain(old.id);
    expect(later.staleReview.total).toBe(later.staleReview.items.length);
  });

  it("counts every section in the total, and lists at most `limit` items of each", async () => {
    const queue = await readWorkQueue(db, bo.id, ALL);
    const sum = [queue.assigned, queue.review, queue.sentBack, queue.mentions, queue.staleReview].reduce(
      (n, s) => n + s.total,
      0,
    );
    expect(queue.total).toBe(sum);
    expect(queue.total).toBeGreaterThan(0);
    const counted = await readWorkQueue(db, bo.id, { limit: 0 });
    expect(counted.total).toBe(queue.total);
    expect(counted.review.items).toEqual([]);
  });

  it("saves the settings once with an audit event; the same values again write nothing", async () => {
    await saveDeskSettings(db, ana, { reviewRequired: true, staleReviewDays: 3 });
    const events = await db.auditEvent.count({ where: { entity: "DeskSettings" } });
    const saved = await saveDeskSettings(db, ana, { reviewRequired: false, staleReviewDays: 14 });
    expect(saved).toEqual({ ok: true, data: { changed: true } });
    expect(await readDeskSettings(db)).toEqual({ reviewRequired: false, staleReviewDays: 14 });
    const [event] = await auditOf(db, "DeskSettings", 1).then((rows) => rows.slice(-1));
    expect(event).toEqual({
      userId: ana.id,
      action: "update",
      changes: { reviewRequired: [true, false], staleReviewDays: [3, 14] },
    });
    expect(await saveDeskSettings(db, ana, { reviewRequired: false, staleReviewDays: 14 })).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await db.auditEvent.count({ where: { entity: "DeskSettings" } })).toBe(events + 1);
  });
});

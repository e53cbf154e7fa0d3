import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { getPublishedClaim } from "@/lib/data/reads/claims";
import { setPublished } from "@/lib/data/writes/claims";
import { STALE_PROPOSAL, approveProposal, sendBackProposal, withdrawProposal } from "@/lib/data/writes/proposals";
import { changeStatus } from "@/lib/data/writes/status";
import { updateClaim } from "@/lib/data/writes/claims";
import type { Db } from "@/lib/db/create-client";
import { PublishSchema } from "@/lib/validation/claim";
import { SendBackProposalSchema } from "@/lib/validation/proposal";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { auditOf, tableCounts } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// Review before readers see a verdict, a publication or a retraction (lib/domain/review-rules.ts,
// lib/data/writes/proposals.ts), on a real database with the desk's default settings: review in force.

let db: Db;
let cleanup: () => Promise<void>;
let proposer: TestUser;
let reviewer: TestUser;
let admin: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  proposer = await makeTestUser(db, { name: "Proposing Editor" });
  reviewer = await makeTestUser(db, { name: "Reviewing Editor" });
  admin = await makeTestUser(db, { name: "Desk Admin", role: "ADMIN" });
});
afterAll(async () => cleanup());

const RATIONALE = "Two independent reports contradict the official count.";
const REASON = "The video was shown to be from another conflict in 2019.";

const claimRow = (id: number) =>
  db.claim.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, publishedAt: true, withdrawnAt: true, withdrawalReason: true },
  });

function propose(claimId: number, version: number, status: string, by: TestUser = proposer) {
  return changeStatus(db, by, StatusChangeSchema.parse({ claimId, version, status, rationale: RATIONALE }));
}

async function proposedVerdict(status = "FALSE") {
  const claim = await makeTestClaim(db, { published: true });
  const result = await propose(claim.id, 1, status);
  if (!result.ok || result.data.proposalId === null) throw new Error(`not proposed: ${JSON.stringify(result)}`);
  return { claim, proposalId: result.data.proposalId };
}

describe("which changes are proposed", () => {
  it("a final status on a published claim becomes a pending proposal; the claim and readers see nothing", async () => {
    const claim = await makeTestClaim(db, { published: true });
    const before = await tableCounts(db);
    const result = await propose(claim.id, 1, "FALSE");
    expect(result).toMatchObject({ ok: true, data: { version: 1, statusChangeId: null } });
    expect(await claimRow(claim.id)).toMatchObject({ status: "UNVERIFIED", version: 1 });
    expect(await tableCounts(db)).toEqual({
      ...before,
      proposals: before.proposals + 1,
      auditEvents: before.auditEvents + 1,
    });
    const proposal = await db.proposal.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(proposal).toMatchObject({
      kind: "VERDICT",
      status: "FALSE",
      rationale: RATIONALE,
      state: "PENDING",
      claimVersion: 1,
      proposerId: proposer.id,
    });
    expect(JSON.parse(proposal.sources)).toEqual([
      { sourceId: claim.sources[0]!.id, stance: "SUPPORTS", title: claim.sources[0]!.title },
    ]);
    expect((await getPublishedClaim(db, claim.slug))?.status).toBe("UNVERIFIED");
    expect((await auditOf(db, "Claim", claim.id)).map((a) => a.action)).toEqual(["propose"]);
  });

  it("any change away from a published final verdict is proposed, even to a non-final status", async () => {
    const claim = await makeTestClaim(db, { published: true, status: "CONFIRMED" });
    const result = await propose(claim.id, 1, "IN_REVIEW");
    expect(result).toMatchObject({ ok: true, data: { proposalId: expect.any(Number) } });
    expect((await claimRow(claim.id)).status).toBe("CONFIRMED");
  });

  it("a non-final change on a published claim, and any change on a draft, take effect at once", async () => {
    const published = await makeTestClaim(db, { published: true });
    expect(await propose(published.id, 1, "IN_REVIEW")).toMatchObject({ ok: true, data: { proposalId: null } });
    const draft = await makeTestClaim(db, { published: false });
    expect(await propose(draft.id, 1, "FALSE")).toMatchObject({ ok: true, data: { proposalId: null, version: 2 } });
    expect((await claimRow(draft.id)).status).toBe("FALSE");
  });

  it("the verdict rules are checked when proposing: no proposal without a source", async () => {
    const claim = await makeTestClaim(db, { published: true, sources: [] });
    const before = await tableCounts(db);
    expect(await propose(claim.id, 1, "FALSE")).toMatchObject({
      ok: false,
      fieldErrors: { status: [expect.stringMatching(/at least one source/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses a second pending proposal for the claim, naming the first, and writes nothing", async () => {
    const { claim, proposalId } = await proposedVerdict();
    const before = await tableCounts(db);
    const second = await propose(claim.id, 1, "MISLEADING", reviewer);
    expect(second).toMatchObject({
      ok: false,
      formError: expect.stringContaining(`#${proposalId} by Proposing Editor`),
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses a proposal made from a stale form", async () => {
    const claim = await makeTestClaim(db, { published: true, status: "IN_REVIEW" });
    await db.claim.update({ where: { id: claim.id }, data: { version: 2 } });
    expect(await propose(claim.id, 1, "FALSE")).toMatchObject({ ok: false, conflict: expect.anything() });
    expect(await db.proposal.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("approving", () => {
  it("a different editor's approval applies the change with both names, and readers see it", async () => {
    const { claim, proposalId } = await proposedVerdict();
    const result = await approveProposal(db, reviewer, { claimId: claim.id, proposalId });
    expect(result).toMatchObject({ ok: true, data: { version: 2, claimId: claim.id } });
    expect(await claimRow(claim.id)).toMatchObject({ status: "FALSE", version: 2 });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      state: "APPROVED",
      reviewerId: reviewer.id,
      decidedAt: expect.any(Date),
    });
    const change = await db.statusChange.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(change).toMatchObject({
      to: "FALSE",
      editorId: reviewer.id,
      proposedById: proposer.id,
      isCorrection: false,
    });
    const reader = await getPublishedClaim(db, claim.slug);
    expect(reader?.status).toBe("FALSE");
    expect(reader?.statusChanges.at(-1)).toMatchObject({
      editor: { name: "Reviewing Editor" },
      proposedBy: { name: "Proposing Editor" },
    });
    expect((await auditOf(db, "Claim", claim.id)).map((a) => [a.action, a.userId])).toEqual([
      ["propose", proposer.id],
      ["approve", reviewer.id],
      ["status", reviewer.id],
    ]);
  });

  it("a change of a published final verdict is a correction once approved", async () => {
    const claim = await makeTestClaim(db, { published: true, status: "CONFIRMED" });
    const proposed = await propose(claim.id, 1, "MISLEADING");
    const proposalId = proposed.ok ? proposed.data.proposalId! : 0;
    expect(await approveProposal(db, admin, { claimId: claim.id, proposalId })).toMatchObject({ ok: true });
    const change = await db.statusChange.findFirstOrThrow({ where: { claimId: claim.id }, orderBy: { id: "desc" } });
    expect(change).toMatchObject({ from: "CONFIRMED", to: "MISLEADING", isCorrection: true, editorId: admin.id });
  });

  it("refuses the proposer's own approval, also an admin's, and writes nothing", async () => {
    const { claim, proposalId } = await proposedVerdict();
    const before = await tableCounts(db);
    expect(await approveProposal(db, proposer, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/another editor must review it/),
    });
    const own = await makeTestClaim(db, { published: true });
    const byAdmin = await propose(own.id, 1, "FALSE", admin);
    const adminProposal = byAdmin.ok ? byAdmin.data.proposalId! : 0;
    const afterAdmin = await tableCounts(db);
    expect(await approveProposal(db, admin, { claimId: own.id, proposalId: adminProposal })).toMatchObject({
      ok: false,
    });
    expect(await tableCounts(db)).toEqual(afterAdmin);
    expect(before.statusChanges).toBe(afterAdmin.statusChanges);
    expect((await claimRow(claim.id)).status).toBe("UNVERIFIED");
  });

  it("refuses approving twice", async () => {
    const { claim, proposalId } = await proposedVerdict();
    expect((await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).ok).toBe(true);
    const before = await tableCounts(db);
    expect(await approveProposal(db, admin, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already approved/),
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses a proposal whose claim changed since, and writes nothing", async () => {
    const { claim, proposalId } = await proposedVerdict();
    // Another editor fixes the statement: the claim's version moves on.
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { claimant: true } });
    const edit = await updateClaim(db, reviewer, {
      claimId: claim.id,
      version: 1,
      slug: row.slug,
      statement: `${row.statement} (typo fixed)`,
      originalText: undefined,
      originalLanguage: undefined,
      category: row.category,
      kind: row.kind,
      claimant: { mode: "existing", actorId: row.claimantId },
      claimedAt: row.claimedAt.toISOString().slice(0, 10),
      location: undefined,
      incidentId: undefined,
    } as Parameters<typeof updateClaim>[2]);
    expect(edit.ok).toBe(true);
    const before = await tableCounts(db);
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: STALE_PROPOSAL,
    });
    expect(await tableCounts(db)).toEqual(before);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("PENDING");
  });

  it("checks the verdict rules again at approval: a source unlinked since is caught", async () => {
    const { claim, proposalId } = await proposedVerdict();
    // Built straight in the database, keeping the version: only the approval's own rule check can catch it.
    await db.claimSource.deleteMany({ where: { claimId: claim.id } });
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/at least one source/),
    });
    expect((await claimRow(claim.id)).status).toBe("UNVERIFIED");
  });

  it("refuses a proposal that does not exist, or belongs to another claim than the page's", async () => {
    const { claim, proposalId } = await proposedVerdict();
    for (const input of [
      { claimId: claim.id, proposalId: 999_999 },
      { claimId: claim.id + 1, proposalId },
    ])
      expect(await approveProposal(db, reviewer, input)).toMatchObject({
        ok: false,
        fieldErrors: { proposalId: [expect.stringMatching(/does not exist on this claim/)] },
      });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("PENDING");
  });
});

describe("sending back and withdrawing", () => {
  it("a reviewer sends it back with a comment; it can then be proposed again", async () => {
    const { claim, proposalId } = await proposedVerdict();
    expect(SendBackProposalSchema.safeParse({ claimId: claim.id, proposalId, comment: "  " }).success).toBe(false);
    const comment = "Name the second source in the rationale.";
    expect(await sendBackProposal(db, reviewer, { claimId: claim.id, proposalId, comment })).toMatchObject({
      ok: true,
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      state: "SENT_BACK",
      reviewComment: comment,
      reviewerId: reviewer.id,
    });
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already sent back/),
    });
    expect(await propose(claim.id, 1, "FALSE")).toMatchObject({ ok: true, data: { proposalId: expect.any(Number) } });
  });

  it("the proposer cannot send back their own proposal", async () => {
    const { claim, proposalId } = await proposedVerdict();
    expect(await sendBackProposal(db, proposer, { claimId: claim.id, proposalId, comment: "Mine." })).toMatchObject({
      ok: false,
    });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("PENDING");
  });

  it("only the proposer withdraws", async () => {
    const { claim, proposalId } = await proposedVerdict();
    expect(await withdrawProposal(db, reviewer, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/Only the editor who proposed/),
    });
    expect(await withdrawProposal(db, proposer, { claimId: claim.id, proposalId })).toMatchObject({ ok: true });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe("WITHDRAWN");
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/withdrawn/),
    });
    expect((await claimRow(claim.id)).status).toBe("UNVERIFIED");
  });
});

describe("publishing and retracting", () => {
  const publish = (claimId: number, version: number, by: TestUser = proposer, confirm: boolean | undefined = true) =>
    setPublished(db, by, PublishSchema.parse({ claimId, version, publish: true, confirm }));
  const unpublish = (claimId: number, version: number, reason: string, by: TestUser = proposer) =>
    setPublished(db, by, PublishSchema.parse({ claimId, version, publish: false, reason }));

  it("the schema asks for confirmation to publish and a reason of 20 characters to unpublish", () => {
    const base = { claimId: 1, version: 1 };
    expect(PublishSchema.safeParse({ ...base, publish: true }).error?.issues[0]?.path).toEqual(["confirm"]);
    expect(PublishSchema.safeParse({ ...base, publish: true, confirm: false }).success).toBe(false);
    expect(PublishSchema.safeParse({ ...base, publish: true, confirm: true }).success).toBe(true);
    const short = PublishSchema.safeParse({ ...base, publish: false, reason: "Too short a reason" });
    expect(short.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringMatching(/at least 20/) });
    expect(PublishSchema.safeParse({ ...base, publish: false }).success).toBe(false);
    expect(PublishSchema.safeParse({ ...base, publish: false, reason: REASON }).success).toBe(true);
  });

  it("publishing needs a linked source, and writes nothing without one", async () => {
    const claim = await makeTestClaim(db, { published: false, sources: [] });
    const before = await tableCounts(db);
    expect(await publish(claim.id, 1)).toMatchObject({
      ok: false,
      fieldErrors: { publish: [expect.stringMatching(/at least one source/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("publishing checks the verdict readers would get against the verdict rules", async () => {
    const claim = await makeTestClaim(db, { published: false, status: "FALSE", statusRationale: "Too short." });
    const before = await tableCounts(db);
    expect(await publish(claim.id, 1)).toMatchObject({
      ok: false,
      fieldErrors: { publish: [expect.stringMatching(/at least 20 characters/)] },
    });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("a claim without a final verdict is published at once", async () => {
    const claim = await makeTestClaim(db, { published: false, status: "IN_REVIEW" });
    expect(await publish(claim.id, 1)).toMatchObject({ ok: true, data: { proposalId: null, version: 2 } });
    expect((await claimRow(claim.id)).publishedAt).toBeInstanceOf(Date);
  });

  it("publishing a final verdict is proposed, and readers see the claim only after approval", async () => {
    const claim = await makeTestClaim(db, { published: false, status: "DISPUTED" });
    const result = await publish(claim.id, 1);
    expect(result).toMatchObject({ ok: true, data: { proposalId: expect.any(Number), publishedAt: null } });
    expect(await getPublishedClaim(db, claim.slug)).toBeNull();
    const proposalId = result.ok ? result.data.proposalId! : 0;
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      kind: "PUBLISH",
      status: "DISPUTED",
    });
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId })).toMatchObject({ ok: true });
    expect((await getPublishedClaim(db, claim.slug))?.status).toBe("DISPUTED");
    expect((await auditOf(db, "Claim", claim.id)).map((a) => a.action)).toEqual(["propose", "approve", "publish"]);
  });

  it("a retraction needs its reason, is proposed, and on approval withdraws the claim keeping its verdict", async () => {
    const claim = await makeTestClaim(db, { published: true, status: "FALSE" });
    const before = await tableCounts(db);
    // A crafted call past the schema still meets the write's own check.
    expect(
      await setPublished(db, proposer, { claimId: claim.id, version: 1, publish: false, reason: "short" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.stringMatching(/at least 20/)] },
    });
    expect(await tableCounts(db)).toEqual(before);

    const result = await unpublish(claim.id, 1, REASON);
    const proposalId = result.ok ? result.data.proposalId! : 0;
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      kind: "UNPUBLISH",
      status: null,
      rationale: REASON,
    });
    expect((await claimRow(claim.id)).publishedAt).toBeInstanceOf(Date);

    const at = new Date("2026-12-01T12:00:00Z");
    expect(await approveProposal(db, reviewer, { claimId: claim.id, proposalId }, at)).toMatchObject({ ok: true });
    expect(await claimRow(claim.id)).toEqual({
      status: "FALSE",
      version: 2,
      publishedAt: null,
      withdrawnAt: at,
      withdrawalReason: REASON,
    });
    expect(await getPublishedClaim(db, claim.slug)).toBeNull();
    expect((await auditOf(db, "Claim", claim.id)).at(-1)).toMatchObject({
      action: "withdraw",
      userId: reviewer.id,
      changes: { withdrawalReason: [null, REASON], proposedById: proposer.id },
    });

    // Published again (a non-final status publishes at once here, after a direct status change on the draft),
    // the withdrawal is cleared.
    expect(await propose(claim.id, 2, "IN_REVIEW")).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await publish(claim.id, 3)).toMatchObject({ ok: true, data: { proposalId: null } });
    expect(await claimRow(claim.id)).toMatchObject({ withdrawnAt: null, withdrawalReason: null });
  });
});

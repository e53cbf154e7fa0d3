import type { ClaimStatus, ProposalKind, ProposalState } from "@/generated/prisma/client";
import { refuse, refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import type { Db, Tx } from "@/lib/db/create-client";
import { serialiseOn } from "@/lib/db/serialise-on";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { applyPublication, applyStatusChange, applyWithdrawal } from "@/lib/data/writes/reviewed-changes";
import { StaleVersion, conflictResult, missingClaim } from "@/lib/data/writes/version-check";
import { formatDateTime } from "@/lib/domain/format";
import { REVIEW_KIND_LABEL, selfReviewProblem } from "@/lib/domain/review-rules";
import { lacksSource, verdictProblems } from "@/lib/domain/verdict";
import { STATUS_INFO } from "@/lib/domain/vocabulary";
import type { ApproveProposalInput, SendBackProposalInput, WithdrawProposalInput } from "@/lib/validation/proposal";

// Review: a change readers would see is first a Proposal row (lib/domain/review-rules.ts says which), and takes
// effect only when another editor approves it (docs/decisions/0018-review-as-proposals.md). Proposing writes the
// proposal and its AuditEvent, never the claim; approving checks the rules again on the claim as it is now, and
// writes the change through lib/data/writes/reviewed-changes.ts in the same transaction as the decision.

export const STALE_PROPOSAL =
  "The claim changed since this was proposed, so this proposal no longer describes it. Send it back, and the proposer can propose it again on the current claim.";

/** Rolls a proposal's transaction back when another proposal for the claim is pending (or got there first). */
class PendingProposalExists extends Error {}
/** Rolls an approval back when the proposal was decided by someone else in the meantime. */
class AlreadyDecided extends Error {}

type NewProposal = {
  claimId: number;
  /** the claim version the editor's form was opened at: the proposal is about that claim */
  version: number;
  kind: ProposalKind;
  status: ClaimStatus | null;
  rationale: string;
};

async function pendingRefusal(db: Db, claimId: number): Promise<ActionFailure | null> {
  const pending = await db.proposal.findFirst({
    where: { claimId, state: "PENDING" },
    select: { id: true, kind: true, createdAt: true, proposer: { select: { name: true } } },
  });
  if (!pending) return null;
  return refuse(
    `${REVIEW_KIND_LABEL[pending.kind]} proposal #${pending.id} by ${pending.proposer?.name ?? "a former editor"} (${formatDateTime(pending.createdAt)}) is waiting for review on this claim. One proposal at a time: it must be approved, sent back or withdrawn first.`,
  );
}

/** Writes a PENDING proposal with a snapshot of the claim's sources; the claim itself is not touched. */
export async function createProposal(
  db: Db,
  editor: Editor,
  input: NewProposal,
): Promise<ActionResult<{ proposalId: number }>> {
  const pending = await pendingRefusal(db, input.claimId);
  if (pending) return pending;
  // Sources as the reviewer will judge them: what the claim rests on now. Read before the transaction, which must
  // start with its write (lib/data/writes/version-check.ts, bumpVersion); linking or unlinking a source moves the
  // claim's version, so the version check inside the transaction also proves this list is still the claim's.
  const linked = await db.claimSource.findMany({
    where: { claimId: input.claimId },
    orderBy: { sourceId: "asc" },
    select: { sourceId: true, stance: true, source: { select: { title: true } } },
  });
  const sources = linked.map((l) => ({ sourceId: l.sourceId, stance: l.stance, title: l.source.title }));
  try {
    const proposalId = await db.$transaction(async (tx) => {
      // PostgreSQL runs proposals for one claim side by side, each blind to the others' uncommitted rows: take turns.
      await serialiseOn(tx, [`claim-proposals:${input.claimId}`]);
      const created = await tx.proposal.create({
        data: {
          claimId: input.claimId,
          kind: input.kind,
          status: input.status,
          rationale: input.rationale,
          claimVersion: input.version,
          sources: JSON.stringify(sources),
          proposerId: editor.id,
        },
        select: { id: true },
      });
      // Counted after the insert, which took SQLite's write lock (on PostgreSQL: the lock above): two editors
      // proposing at once cannot both pass.
      if ((await tx.proposal.count({ where: { claimId: input.claimId, state: "PENDING" } })) > 1)
        throw new PendingProposalExists();
      const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
      if (claim?.version !== input.version) throw new StaleVersion();
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: input.claimId,
        action: "propose",
        changes: {
          proposalId: created.id,
          kind: input.kind,
          status: input.status,
          rationale: input.rationale,
          claimVersion: input.version,
          // As one line: the audit log reads a two-element list as [before, after] (lib/domain/audit-diff.ts).
          sources: sources.map((x) => `${x.title} (${x.stance})`).join("; "),
        },
      });
      return created.id;
    });
    return { ok: true, data: { proposalId } };
  } catch (error) {
    if (error instanceof StaleVersion) return conflictResult(db, input.claimId);
    if (error instanceof PendingProposalExists)
      return (await pendingRefusal(db, input.claimId)) ?? refuse("Another proposal for this claim is pending.");
    throw error;
  }
}

const DECIDED: Record<Exclude<ProposalState, "PENDING">, string> = {
  APPROVED: "This proposal was already approved: nothing more to decide.",
  SENT_BACK: "This proposal was already sent back: nothing more to decide.",
  WITHDRAWN: "This proposal was withdrawn by its proposer: nothing more to decide.",
};

async function findProposal(db: Db, id: number) {
  return db.proposal.findUnique({
    where: { id },
    select: {
      id: true,
      claimId: true,
      kind: true,
      status: true,
      rationale: true,
      claimVersion: true,
      state: true,
      proposerId: true,
    },
  });
}
type FoundProposal = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** The proposal, when it exists and is still pending; else the refusal. */
async function pendingProposal(
  db: Db,
  { proposalId, claimId }: { proposalId: number; claimId: number },
): Promise<FoundProposal | ActionFailure> {
  const proposal = await findProposal(db, proposalId);
  if (!proposal || proposal.claimId !== claimId)
    return refuseField("proposalId", "This proposal does not exist on this claim.");
  if (proposal.state !== "PENDING") return refuse(DECIDED[proposal.state]);
  return proposal;
}

const isFailure = (v: FoundProposal | ActionFailure): v is ActionFailure => "ok" in v;

/** Marks the proposal decided; the first statement of its transaction, so a second decision finds it taken. */
async function decide(
  tx: Tx,
  id: number,
  data: { state: ProposalState; reviewerId?: number; reviewComment?: string; decidedAt: Date },
) {
  const { count } = await tx.proposal.updateMany({ where: { id, state: "PENDING" }, data });
  if (count !== 1) throw new AlreadyDecided();
}

async function decidedRefusal(db: Db, id: number): Promise<ActionFailure> {
  const now = await findProposal(db, id);
  return refuse(now && now.state !== "PENDING" ? DECIDED[now.state] : "This proposal was decided meanwhile.");
}

/**
 * A different editor approves: the rules are checked again on the claim as it is now, which must still be the
 * version proposed. The change and the decision are written together, with their AuditEvents.
 */
export async function approveProposal(
  db: Db,
  reviewer: Editor,
  input: ApproveProposalInput,
  now = new Date(),
): Promise<ActionResult<{ version: number; claimId: number }>> {
  const proposal = await pendingProposal(db, input);
  if (isFailure(proposal)) return proposal;
  const self = selfReviewProblem(proposal.proposerId, reviewer.id);
  if (self) return refuse(self);
  const claim = await db.claim.findUnique({
    where: { id: proposal.claimId },
    select: {
      id: true,
      version: true,
      kind: true,
      status: true,
      statusRationale: true,
      publishedAt: true,
      withdrawnAt: true,
      withdrawalReason: true,
    },
  });
  if (!claim) return missingClaim();
  if (claim.version !== proposal.claimVersion) return refuse(STALE_PROPOSAL);
  const sourceCount = await db.claimSource.count({ where: { claimId: claim.id } });
  const problem = approvalProblem(proposal, { ...claim, sourceCount });
  if (problem) return refuse(problem);

  const actors = { editorId: reviewer.id, proposedById: proposal.proposerId, proposalId: proposal.id };
  try {
    const version = await db.$transaction(async (tx) => {
      await decide(tx, proposal.id, { state: "APPROVED", reviewerId: reviewer.id, decidedAt: now });
      await recordAudit(tx, {
        userId: reviewer.id,
        entity: "Claim",
        entityId: claim.id,
        action: "approve",
        changes: { proposalId: proposal.id, kind: proposal.kind, proposedById: proposal.proposerId },
      });
      const at = { ...claim, version: proposal.claimVersion };
      if (proposal.kind === "VERDICT") {
        const change = { to: proposal.status!, rationale: proposal.rationale };
        return (await applyStatusChange(tx, { ...at, published: claim.publishedAt !== null }, change, actors)).version;
      }
      if (proposal.kind === "PUBLISH") return (await applyPublication(tx, at, now, actors)).version;
      return (await applyWithdrawal(tx, at, proposal.rationale, now, actors)).version;
    });
    return { ok: true, data: { version, claimId: claim.id } };
  } catch (error) {
    if (error instanceof StaleVersion) return refuse(STALE_PROPOSAL);
    if (error instanceof AlreadyDecided) return decidedRefusal(db, proposal.id);
    throw error;
  }
}

/** What would stop the proposed change now; null when it may take effect. */
function approvalProblem(
  proposal: FoundProposal,
  claim: {
    kind: "FACT" | "POSITION";
    status: ClaimStatus;
    statusRationale: string | null;
    publishedAt: Date | null;
    sourceCount: number;
  },
): string | null {
  if (proposal.kind === "VERDICT") {
    if (!proposal.status) return "This proposal names no status.";
    if (proposal.status === claim.status) return `The claim is already ${STATUS_INFO[claim.status].label}.`;
    const [first] = verdictProblems({
      status: proposal.status,
      rationale: proposal.rationale,
      kind: claim.kind,
      sourceCount: claim.sourceCount,
    });
    return first?.message ?? null;
  }
  if (proposal.kind === "PUBLISH") {
    if (claim.publishedAt) return "This claim is already published.";
    if (claim.sourceCount < 1 || lacksSource(claim.status, claim.sourceCount))
      return "Link at least one source to this claim before publishing it.";
    const [first] = verdictProblems({
      status: claim.status,
      rationale: claim.statusRationale,
      kind: claim.kind,
      sourceCount: claim.sourceCount,
    });
    return first?.message ?? null;
  }
  return claim.publishedAt ? null : "This claim is not published: there is nothing to take down.";
}

/** A reviewer sends the proposal back with a comment the proposer sees; nothing else changes. */
export async function sendBackProposal(
  db: Db,
  reviewer: Editor,
  input: SendBackProposalInput,
  now = new Date(),
): Promise<ActionResult<{ claimId: number }>> {
  const proposal = await pendingProposal(db, input);
  if (isFailure(proposal)) return proposal;
  const self = selfReviewProblem(proposal.proposerId, reviewer.id);
  if (self) return refuse(self);
  try {
    await db.$transaction(async (tx) => {
      await decide(tx, proposal.id, {
        state: "SENT_BACK",
        reviewerId: reviewer.id,
        reviewComment: input.comment,
        decidedAt: now,
      });
      await recordAudit(tx, {
        userId: reviewer.id,
        entity: "Claim",
        entityId: proposal.claimId,
        action: "send-back",
        changes: { proposalId: proposal.id, kind: proposal.kind, reviewComment: input.comment },
      });
    });
    return { ok: true, data: { claimId: proposal.claimId } };
  } catch (error) {
    if (error instanceof AlreadyDecided) return decidedRefusal(db, proposal.id);
    throw error;
  }
}

/** The proposer takes the proposal back before it is decided. */
export async function withdrawProposal(
  db: Db,
  editor: Editor,
  input: WithdrawProposalInput,
  now = new Date(),
): Promise<ActionResult<{ claimId: number }>> {
  const proposal = await pendingProposal(db, input);
  if (isFailure(proposal)) return proposal;
  if (proposal.proposerId !== editor.id)
    return refuse("Only the editor who proposed this change can withdraw it; you can approve it or send it back.");
  try {
    await db.$transaction(async (tx) => {
      await decide(tx, proposal.id, { state: "WITHDRAWN", decidedAt: now });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: proposal.claimId,
        action: "withdraw-proposal",
        changes: { proposalId: proposal.id, kind: proposal.kind },
      });
    });
    return { ok: true, data: { claimId: proposal.claimId } };
  } catch (error) {
    if (error instanceof AlreadyDecided) return decidedRefusal(db, proposal.id);
    throw error;
  }
}

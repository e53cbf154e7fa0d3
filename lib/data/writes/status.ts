import type { Db } from "@/lib/db/create-client";
import type { Editor } from "@/lib/data/writes/record-audit";
import { conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { createProposal } from "@/lib/data/writes/proposals";
import { applyStatusChange } from "@/lib/data/writes/reviewed-changes";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { statusChangeNeedsReview } from "@/lib/domain/review-rules";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import type { StatusFormInput } from "@/lib/validation/status-change";
import { verdictProblems } from "@/lib/domain/verdict";
import { openStepsWarning } from "@/lib/domain/checklist";
import { openStepNames } from "@/lib/data/reads/checklist";
import { STATUS_INFO, isFinalStatus } from "@/lib/domain/vocabulary";

// The status workflow (docs/editing.md). One transaction writes the claim's new status, the
// append-only StatusChange readers see in the timeline, and the AuditEvent (lib/data/writes/reviewed-changes.ts);
// or, when the change needs a second editor's review, a proposal instead (lib/data/writes/proposals.ts).

export async function changeStatus(
  db: Db,
  editor: Editor,
  input: StatusFormInput,
): Promise<
  ActionResult<{
    version: number;
    /** null when the change was proposed for review instead (proposalId) */
    statusChangeId: number | null;
    isCorrection: boolean;
    warning: string | null;
    proposalId: number | null;
  }>
> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: {
      version: true,
      kind: true,
      status: true,
      statusRationale: true,
      publishedAt: true,
    },
  });
  if (!claim) return missingClaim();
  // Counted on its own: Prisma writes `_count` as a join on a GROUP BY of the whole ClaimSource table, which cost
  // 0.1-0.3 s a save at 100,000 claims (docs/performance.md).
  const sourceCount = await db.claimSource.count({ where: { claimId: input.claimId } });
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  // The verdict rules (lib/domain/verdict.ts) with what only the database knows: the claim's kind and sources.
  // The schema checked the rationale already; checked again because readers rely on it, whoever calls this.
  const rationale = input.rationale.trim();
  const problems = verdictProblems({
    status: input.status,
    rationale,
    kind: claim.kind,
    sourceCount,
  });
  const position = problems.find((p) => p.rule === "position-not-rated");
  if (position) return refuseField("status", position.message);
  if (input.status === claim.status) {
    return refuseField("status", `The claim is already ${STATUS_INFO[claim.status].label}. Choose a different status.`);
  }
  const [first] = problems;
  if (first) {
    // The form has no sources field: a missing source is said at the status it would allow.
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[p.field === "sources" ? "status" : p.field] ??= []).push(p.message);
    return refuse(first.message, fieldErrors);
  }

  // A final verdict with verification steps open is saved, with a warning in the result (lib/domain/checklist.ts).
  const warning = isFinalStatus(input.status)
    ? openStepsWarning(input.status, await openStepNames(db, input.claimId))
    : null;

  // A verdict readers would see waits for a second editor (lib/domain/review-rules.ts): a proposal, not a change.
  const published = claim.publishedAt !== null;
  const { reviewRequired } = await readDeskSettings(db);
  if (statusChangeNeedsReview(reviewRequired, { published, status: claim.status }, input.status)) {
    const proposed = await createProposal(db, editor, {
      claimId: input.claimId,
      version: input.version,
      kind: "VERDICT",
      status: input.status,
      rationale,
    });
    if (!proposed.ok) return proposed;
    return {
      ok: true,
      data: {
        version: input.version,
        statusChangeId: null,
        isCorrection: false,
        warning,
        proposalId: proposed.data.proposalId,
      },
    };
  }

  return versionedWrite(db, input.claimId, async (tx) => {
    const applied = await applyStatusChange(
      tx,
      {
        id: input.claimId,
        version: input.version,
        status: claim.status,
        statusRationale: claim.statusRationale,
        published,
      },
      { to: input.status, rationale },
      { editorId: editor.id },
    );
    return { ...applied, warning, proposalId: null };
  });
}

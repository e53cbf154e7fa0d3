import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import type { StatusFormInput } from "@/lib/validation/status-change";
import { verdictProblems } from "@/lib/domain/verdict";
import { openStepsWarning } from "@/lib/domain/checklist";
import { openStepNames } from "@/lib/data/reads/checklist";
import { STATUS_INFO, isFinalStatus } from "@/lib/domain/vocabulary";

// The status workflow (docs/editing.md). One transaction writes the claim's new status, the
// append-only StatusChange readers see in the timeline, and the AuditEvent.

export async function changeStatus(
  db: Db,
  editor: Editor,
  input: StatusFormInput,
): Promise<ActionResult<{ version: number; statusChangeId: number; isCorrection: boolean; warning: string | null }>> {
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

  // A correction moves away from a verdict readers could see: published, and final before the change.
  const isCorrection = claim.publishedAt !== null && isFinalStatus(claim.status);
  // A final verdict with verification steps open is saved, with a warning in the result (lib/domain/checklist.ts).
  const warning = isFinalStatus(input.status)
    ? openStepsWarning(input.status, await openStepNames(db, input.claimId))
    : null;

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id, {
      status: input.status,
      statusRationale: rationale,
    });
    const change = await tx.statusChange.create({
      data: {
        claimId: input.claimId,
        from: claim.status,
        to: input.status,
        rationale,
        editorId: editor.id,
        isCorrection,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      userId: editor.id,
      entity: "Claim",
      entityId: input.claimId,
      action: "status",
      changes: {
        status: [claim.status, input.status],
        statusRationale: [claim.statusRationale, rationale],
        isCorrection,
        statusChangeId: change.id,
        version: [input.version, version],
      },
    });
    return { version, statusChangeId: change.id, isCorrection, warning };
  });
}

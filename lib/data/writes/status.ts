import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import { FINAL_RATIONALE_MIN, type StatusChangeInput } from "@/lib/validation/status-change";
import { FINAL_STATUSES, STATUS_INFO, isFinalStatus } from "@/lib/domain/vocabulary";

// The status workflow (docs/editing.md). One transaction writes the claim's new status, the
// append-only StatusChange readers see in the timeline, and the AuditEvent.

const finalNames = FINAL_STATUSES.map((s) => STATUS_INFO[s].label).join(", ");

export async function changeStatus(
  db: Db,
  editor: Editor,
  input: StatusChangeInput,
): Promise<ActionResult<{ version: number; statusChangeId: number; isCorrection: boolean }>> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { version: true, kind: true, status: true, statusRationale: true, publishedAt: true, _count: { select: { sources: true } } },
  });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  if (claim.kind === "POSITION") {
    return refuseField(
      "status",
      "This claim is a position — a stance, not a checkable fact. Positions are not rated: they keep the status Unverified and are labelled “Position — not rated”.",
    );
  }
  if (input.status === claim.status) {
    return refuseField("status", `The claim is already ${STATUS_INFO[claim.status].label}. Choose a different status.`);
  }
  const final = isFinalStatus(input.status);
  if (final && claim._count.sources === 0) {
    return refuseField("status", `Link at least one source to this claim before giving it a final verdict (${finalNames}).`);
  }
  // The schema says the same; repeated here because this rule is what readers rely on, whoever calls this function.
  const rationale = input.rationale.trim();
  if (final && rationale.length < FINAL_RATIONALE_MIN) {
    return refuseField("rationale", `A final verdict needs a rationale of at least ${FINAL_RATIONALE_MIN} characters.`);
  }

  // A correction moves away from a verdict readers could see: published, and final before the change.
  const isCorrection = claim.publishedAt !== null && isFinalStatus(claim.status);

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id, { status: input.status, statusRationale: rationale });
    const change = await tx.statusChange.create({
      data: { claimId: input.claimId, from: claim.status, to: input.status, rationale, editorId: editor.id, isCorrection },
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
    return { version, statusChangeId: change.id, isCorrection };
  });
}

import type { ClaimStatus } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/data/writes/record-audit";
import { bumpVersion } from "@/lib/data/writes/version-check";
import { isFinalStatus } from "@/lib/domain/vocabulary";

// The three changes readers see that review guards (lib/domain/review-rules.ts): a status change, a publication and
// a withdrawal. Each is written here once, inside the caller's transaction, whether an editor makes it directly
// (review off, or a change that needs none) or a reviewer's approval makes it (lib/data/writes/proposals.ts).
// Each moves the claim's version from `version` (StaleVersion when it moved already) and leaves its AuditEvent.

/** Who made the change take effect, and who proposed it when it went through review. */
type Actors = { editorId: number; proposedById?: number | null; proposalId?: number };

const reviewTrace = ({ proposedById, proposalId }: Actors) =>
  proposalId === undefined ? {} : { proposalId, proposedById: proposedById ?? null };

export async function applyStatusChange(
  tx: Tx,
  claim: { id: number; version: number; status: ClaimStatus; statusRationale: string | null; published: boolean },
  change: { to: ClaimStatus; rationale: string },
  actors: Actors,
): Promise<{ version: number; statusChangeId: number; isCorrection: boolean }> {
  const version = await bumpVersion(tx, claim.id, claim.version, actors.editorId, {
    status: change.to,
    statusRationale: change.rationale,
  });
  // A correction moves away from a verdict readers could see: published, and final before the change.
  const isCorrection = claim.published && isFinalStatus(claim.status);
  const row = await tx.statusChange.create({
    data: {
      claimId: claim.id,
      from: claim.status,
      to: change.to,
      rationale: change.rationale,
      editorId: actors.editorId,
      proposedById: actors.proposedById ?? null,
      isCorrection,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    userId: actors.editorId,
    entity: "Claim",
    entityId: claim.id,
    action: "status",
    changes: {
      status: [claim.status, change.to],
      statusRationale: [claim.statusRationale, change.rationale],
      isCorrection,
      statusChangeId: row.id,
      version: [claim.version, version],
      ...reviewTrace(actors),
    },
  });
  return { version, statusChangeId: row.id, isCorrection };
}

/** Publishing; a claim withdrawn before comes back, its withdrawal cleared (the audit log keeps it). */
export async function applyPublication(
  tx: Tx,
  claim: { id: number; version: number; withdrawnAt: Date | null; withdrawalReason: string | null },
  now: Date,
  actors: Actors,
): Promise<{ version: number; publishedAt: Date }> {
  const version = await bumpVersion(tx, claim.id, claim.version, actors.editorId, {
    publishedAt: now,
    withdrawnAt: null,
    withdrawalReason: null,
  });
  await recordAudit(tx, {
    userId: actors.editorId,
    entity: "Claim",
    entityId: claim.id,
    action: "publish",
    changes: {
      publishedAt: [null, now],
      ...(claim.withdrawnAt
        ? { withdrawnAt: [claim.withdrawnAt, null], withdrawalReason: [claim.withdrawalReason, null] }
        : {}),
      version: [claim.version, version],
      ...reviewTrace(actors),
    },
  });
  return { version, publishedAt: now };
}

/**
 * A retraction: the claim leaves the reader pages and its URL answers 410 Gone with the reason. Its status and
 * rationale stay as they were: they are the last verdict that page shows.
 */
export async function applyWithdrawal(
  tx: Tx,
  claim: { id: number; version: number; publishedAt: Date | null },
  reason: string,
  now: Date,
  actors: Actors,
): Promise<{ version: number; publishedAt: null }> {
  const version = await bumpVersion(tx, claim.id, claim.version, actors.editorId, {
    publishedAt: null,
    withdrawnAt: now,
    withdrawalReason: reason,
  });
  await recordAudit(tx, {
    userId: actors.editorId,
    entity: "Claim",
    entityId: claim.id,
    action: "withdraw",
    changes: {
      publishedAt: [claim.publishedAt, null],
      withdrawnAt: [null, now],
      withdrawalReason: [null, reason],
      version: [claim.version, version],
      ...reviewTrace(actors),
    },
  });
  return { version, publishedAt: null };
}

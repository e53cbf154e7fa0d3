import type { Db } from "@/lib/db/create-client";

// A withdrawal as the tests make one: the columns an approved retraction writes (publishedAt null, withdrawnAt,
// withdrawalReason; docs/decisions/0022-withdrawn-claims-answer-410.md), straight into the database. The status and
// rationale stay: they are the last verdict readers saw.
export async function withdrawTestClaim(db: Db, claimId: number, reason: string, at = new Date()): Promise<void> {
  await db.claim.update({
    where: { id: claimId },
    data: { publishedAt: null, withdrawnAt: at, withdrawalReason: reason, version: { increment: 1 } },
  });
}

/** Publishing again clears the withdrawal (the audit log keeps the trace). */
export async function republishTestClaim(db: Db, claimId: number, at = new Date()): Promise<void> {
  await db.claim.update({
    where: { id: claimId },
    data: { publishedAt: at, withdrawnAt: null, withdrawalReason: null, version: { increment: 1 } },
  });
}

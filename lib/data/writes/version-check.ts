import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/domain/format";
import { refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";

// Optimistic concurrency on Claim.version. Every form carries the version it was opened at; every write to a claim
// or to what hangs off it (sources, figures, links, status, publication) moves the version on by one with a
// conditional update inside its transaction. When no row matches, the whole transaction is rolled back: a stale
// save writes nothing, and exactly one of N concurrent saves of one version wins.

/** Thrown inside a transaction to roll it back when the claim moved on since the form was opened. */
export class StaleVersion extends Error {
  constructor() {
    super("The claim changed since this form was opened.");
    this.name = "StaleVersion";
  }
}

/**
 * Takes the claim from `version` to `version + 1`, recording who did it, together with `data`; throws StaleVersion
 * when another save got there first. Call it before any read in the transaction: a write first makes SQLite take
 * the write lock at once, so a second process waits (busy_timeout) instead of failing on a stale snapshot.
 */
export async function bumpVersion(
  tx: Tx,
  claimId: number,
  version: number,
  userId: number,
  data: Prisma.ClaimUncheckedUpdateManyInput = {},
): Promise<number> {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version },
    data: { ...data, version: { increment: 1 }, updatedById: userId },
  });
  if (count !== 1) throw new StaleVersion();
  return version + 1;
}

// Before a write, each function reads the claim with its version and stops when it is missing or stale. Checks made
// on that snapshot stay true for the write: if the version still matches when the transaction bumps it, nothing
// about the claim changed in between.

export const missingClaim = (): ActionFailure =>
  refuseField("claimId", "This claim does not exist (it may have been deleted).");

/** The message an editor gets after losing the race: who changed the claim and when, and that nothing was saved. */
export async function conflictResult(db: Db, claimId: number): Promise<ActionFailure> {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: { updatedAt: true, updatedBy: { select: { name: true } } },
  });
  if (!claim) return missingClaim();
  const by = claim.updatedBy?.name ?? null;
  return {
    ok: false,
    fieldErrors: {},
    formError: `Changed by ${by ?? "another editor"} at ${formatDateTime(claim.updatedAt)} since you opened it. Nothing was saved: reload the latest version and make your change again.`,
    conflict: { changedBy: by, changedAt: claim.updatedAt.toISOString() },
  };
}

/** Runs `write` in one transaction; a lost race on the version comes back as the conflict message. */
export async function versionedWrite<T>(
  db: Db,
  claimId: number,
  write: (tx: Tx) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await db.$transaction(write) };
  } catch (error) {
    if (error instanceof StaleVersion) return conflictResult(db, claimId);
    throw error;
  }
}

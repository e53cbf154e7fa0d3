import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/create-client";
import { formatDateTime } from "@/lib/domain/format";
import { fieldLabel, fieldPath, quoteValue, type EditedField, type FieldConflict } from "@/lib/domain/edit-conflicts";
import { refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";

// Claim.version counts the writes to a claim and to what hangs off it (fields, sources, figures, links, status,
// publication). What a write must find unchanged depends on what it changes (docs/decisions/0025-conflicts-per-field.md):
// - a status change or publication needs the whole claim as the editor saw it: `bumpVersion`, a conditional update
//   on the version; a stale save writes nothing, and exactly one of N concurrent saves of one version wins;
// - an edit of the claim's fields needs only the fields it changes as the form was opened (lib/data/writes/claims.ts);
// - adding or removing a source, figure or link needs only its own rows: `countWrite` moves the counter on
//   unconditionally and the write checks its rows after it, inside the same transaction.

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

/** Thrown inside a transaction to roll it back with a refusal found after the write lock was taken. */
export class Refused extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.formError ?? "Refused.");
    this.name = "Refused";
  }
}

/** The counter before and after a write: the page that sent it may move on only when it held `previousVersion`. */
export type Counted = { previousVersion: number; version: number };

/**
 * Moves the claim's counter on by one whatever it was, recording who did it, together with `data`. Call it first in
 * the transaction: the write takes SQLite's write lock, so what the transaction reads next stays true until it
 * commits. A claim that no longer exists refuses the write.
 */
export async function countWrite(
  tx: Tx,
  claimId: number,
  userId: number,
  data: Prisma.ClaimUncheckedUpdateManyInput = {},
): Promise<Counted> {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId },
    data: { ...data, version: { increment: 1 }, updatedById: userId },
  });
  if (count !== 1) throw new Refused(missingClaim());
  const { version } = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
  return { previousVersion: version - 1, version };
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

/**
 * Runs `write` in one transaction; a lost race on the version comes back as the conflict message, a refusal found
 * inside the transaction as that refusal. Either way nothing was written.
 */
export async function versionedWrite<T>(
  db: Db,
  claimId: number,
  write: (tx: Tx) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await db.$transaction(write) };
  } catch (error) {
    if (error instanceof StaleVersion) return conflictResult(db, claimId);
    if (error instanceof Refused) return error.failure;
    if (error instanceof FieldsChanged) return fieldConflictResult(db, claimId, error.conflicts);
    throw error;
  }
}

/** Thrown inside a claim edit's transaction when a field it changes was changed by someone else since. */
export class FieldsChanged extends Error {
  constructor(readonly conflicts: FieldConflict[]) {
    super("Fields changed since this form was opened.");
    this.name = "FieldsChanged";
  }
}

/** Who last wrote each field, from the claim's audit events (newest first); the claim's last writer otherwise. */
async function lastWriters(db: Db, claimId: number, fields: EditedField[]) {
  const [claim, events] = await Promise.all([
    db.claim.findUnique({ where: { id: claimId }, select: { updatedAt: true, updatedBy: { select: { name: true } } } }),
    db.auditEvent.findMany({
      where: { entity: "Claim", entityId: String(claimId) },
      orderBy: { id: "desc" },
      take: 200,
      select: { changes: true, createdAt: true, user: { select: { name: true } } },
    }),
  ]);
  const fallback = { by: claim?.updatedBy?.name ?? null, at: claim?.updatedAt ?? new Date() };
  return new Map(
    fields.map((field) => {
      const event = events.find((e) => field in (JSON.parse(e.changes) as Record<string, unknown>));
      return [field, event ? { by: event.user?.name ?? null, at: event.createdAt } : fallback] as const;
    }),
  );
}

/** A reference is shown by its name, not its id. */
async function shownValue(db: Db, field: EditedField, value: string): Promise<string> {
  if (field === "about" && value.trim()) {
    // "3, 7" (lib/domain/claim-about.ts, aboutText) → the actors' names in the same order.
    const ids = value.split(",").map((id) => Number(id.trim()));
    const actors = await db.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return ids.map((id) => actors.find((a) => a.id === id)?.name ?? String(id)).join(", ");
  }
  if (!/^\d+$/.test(value)) return value;
  if (field === "claimantId") {
    return (await db.actor.findUnique({ where: { id: Number(value) }, select: { name: true } }))?.name ?? value;
  }
  if (field === "incidentId") {
    return (await db.incident.findUnique({ where: { id: Number(value) }, select: { title: true } }))?.title ?? value;
  }
  return value;
}

/**
 * The message of a claim edit that collided: for each field, who changed it and when, their value and the
 * editor's, and that nothing was saved. Each field's error names the value now stored.
 */
export async function fieldConflictResult(db: Db, claimId: number, conflicts: FieldConflict[]): Promise<ActionFailure> {
  const writers = await lastWriters(
    db,
    claimId,
    conflicts.map((c) => c.field),
  );
  const fieldErrors: Record<string, string[]> = {};
  const sentences: string[] = [];
  for (const c of conflicts) {
    const { by, at } = writers.get(c.field)!;
    const [theirs, yours] = [
      quoteValue(await shownValue(db, c.field, c.theirs)),
      quoteValue(await shownValue(db, c.field, c.yours)),
    ];
    const who = by ?? "Another editor";
    sentences.push(
      `${who} changed the ${fieldLabel(c.field)} at ${formatDateTime(at)} since you opened this form: it is now ${theirs}; yours is ${yours}.`,
    );
    fieldErrors[fieldPath(c.field)] = [`Changed by ${who} at ${formatDateTime(at)}: now ${theirs}.`];
  }
  const first = writers.get(conflicts[0]!.field)!;
  return {
    ok: false,
    fieldErrors,
    formError: `${sentences.join(" ")} Nothing was saved: reload the latest version and make your change again.`,
    conflict: { changedBy: first.by, changedAt: first.at.toISOString() },
  };
}

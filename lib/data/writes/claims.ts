import type { Db } from "@/lib/db/create-client";
import { createActorInTx, planActor, type NewActor } from "@/lib/data/writes/actors";
import { diffFields, recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import type { Tx } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuse, refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { claimColumns, claimFieldSelect } from "@/lib/domain/claim-fields";
import { reportingVerbWarning } from "@/lib/domain/reporting-verb";
import { firstFreeSlug, slugify } from "@/lib/domain/slug";
import type { ClaimCreateInput, ClaimUpdateInput, PublishInput } from "@/lib/validation/claim";
import { ratesPosition } from "@/lib/domain/verdict";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

// Creating and editing claims, and publishing them. Input has been parsed with the form's schema; these functions
// add the rules that need the database, and write each change with its AuditEvent in one transaction.

/** The claimant and the incident must exist: ids from a crafted request are field errors, not a 500. */
async function checkReferences(db: Db, input: ClaimCreateInput): Promise<ActionFailure | null> {
  const fieldErrors: Record<string, string[]> = {};
  if (input.claimant.mode === "existing") {
    const found = await db.actor.count({ where: { id: input.claimant.actorId } });
    if (!found) fieldErrors["claimant.actorId"] = ["This actor does not exist. Choose one from the list."];
  }
  if (input.incidentId !== undefined) {
    const found = await db.incident.count({ where: { id: input.incidentId } });
    if (!found) fieldErrors.incidentId = ["This incident does not exist. Choose one from the list."];
  }
  return Object.keys(fieldErrors).length ? refuse("Please correct the highlighted fields.", fieldErrors) : null;
}

const slugTaken = (slug: string) =>
  refuseField("slug", `The slug “${slug}” is already used by another claim. Choose another one, or leave it empty.`);

/**
 * A typed slug must be free; an empty one is made from the statement (with -2, -3… when taken) on create and
 * keeps the current slug on edit, so links readers already shared keep working.
 */
async function chooseSlug(
  db: Db,
  typed: string | undefined,
  statement: string,
  current: { id: number; slug: string } | null,
) {
  if (typed) {
    const owner = await db.claim.findUnique({ where: { slug: typed }, select: { id: true } });
    return owner && owner.id !== current?.id ? slugTaken(typed) : { ok: true as const, slug: typed };
  }
  if (current) return { ok: true as const, slug: current.slug };
  const base = slugify(statement) || "claim";
  const taken = await db.claim.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return {
    ok: true as const,
    slug: firstFreeSlug(
      base,
      taken.map((c) => c.slug),
    ),
  };
}

/** The claimant's id: the one picked, or the new actor's, created first in the transaction (a write before any read). */
async function claimantOf(tx: Tx, editor: Editor, input: ClaimCreateInput, newActor: NewActor | null): Promise<number> {
  if (input.claimant.mode === "existing") return input.claimant.actorId;
  if (!newActor) throw new Error("a new claimant needs its planned row");
  return createActorInTx(tx, editor.id, newActor);
}

/** A unique index refused the write: another editor took the same claim slug, or made an actor of the same name, first. */
async function raced(db: Db, slug: string, newActor: NewActor | null): Promise<ActionFailure> {
  if (newActor && (await db.actor.count({ where: { slug: newActor.slug } }))) {
    return refuseField(
      "claimant.actor.name",
      "An actor of the same name was added at this moment by someone else. Save again.",
    );
  }
  return slugTaken(slug);
}

/** The claim's own columns from the form; empty optional fields clear the column. */
function claimRow(input: ClaimCreateInput, slug: string, claimantId: number) {
  return { slug, ...claimColumns(input), claimantId, incidentId: input.incidentId ?? null };
}

export async function createClaim(
  db: Db,
  editor: Editor,
  input: ClaimCreateInput,
): Promise<ActionResult<{ id: number; slug: string }>> {
  const refused = await checkReferences(db, input);
  if (refused) return refused;
  const slug = await chooseSlug(db, input.slug, input.statement, null);
  if (!slug.ok) return slug;
  const newActor = input.claimant.mode === "new" ? await planActor(db, input.claimant.actor) : null;
  try {
    const claim = await db.$transaction(async (tx) => {
      const claimantId = await claimantOf(tx, editor, input, newActor);
      const data = claimRow(input, slug.slug, claimantId);
      const created = await tx.claim.create({
        data: { ...data, createdById: editor.id, updatedById: editor.id },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: created.id,
        action: "create",
        changes: data,
      });
      return created;
    });
    return { ok: true, data: claim };
  } catch (error) {
    if (isUniqueViolation(error)) return raced(db, slug.slug, newActor);
    throw error;
  }
}

export async function updateClaim(
  db: Db,
  editor: Editor,
  input: ClaimUpdateInput,
): Promise<ActionResult<{ version: number; slug: string; warning: string | null }>> {
  const before = await db.claim.findUnique({
    where: { id: input.claimId },
    select: {
      id: true,
      version: true,
      status: true,
      slug: true,
      ...claimFieldSelect,
      claimantId: true,
      incidentId: true,
    },
  });
  if (!before) return missingClaim();
  if (before.version !== input.version) return conflictResult(db, before.id);
  const refused = await checkReferences(db, input);
  if (refused) return refused;
  if (before.kind !== "POSITION" && ratesPosition(input.kind, before.status)) {
    return refuseField(
      "kind",
      `Positions are not rated, and this claim is ${STATUS_INFO[before.status].label}. Set its status back to Unverified first, with a rationale, then make it a position.`,
    );
  }
  const slug = await chooseSlug(db, input.slug, input.statement, before);
  if (!slug.ok) return slug;
  const newActor = input.claimant.mode === "new" ? await planActor(db, input.claimant.actor) : null;

  try {
    return await versionedWrite(db, before.id, async (tx) => {
      const claimantId = await claimantOf(tx, editor, input, newActor);
      const after = claimRow(input, slug.slug, claimantId);
      const version = await bumpVersion(tx, before.id, input.version, editor.id, after);
      const { id: _id, version: _v, status: _s, ...old } = before;
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: before.id,
        action: "update",
        changes: { ...diffFields(old, after), version: [input.version, version] },
      });
      // Saved all the same: a warning, not a refusal (lib/domain/reporting-verb.ts).
      return { version, slug: slug.slug, warning: reportingVerbWarning(input.statement) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return raced(db, slug.slug, newActor);
    throw error;
  }
}

export async function setPublished(
  db: Db,
  editor: Editor,
  input: PublishInput,
  now = new Date(),
): Promise<ActionResult<{ version: number; publishedAt: Date | null }>> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { version: true, publishedAt: true },
  });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);
  if (input.publish && claim.publishedAt) return refuseField("publish", "This claim is already published.");
  if (!input.publish && !claim.publishedAt) return refuseField("publish", "This claim is already a draft.");

  const publishedAt = input.publish ? now : null;
  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id, { publishedAt });
    await recordAudit(tx, {
      userId: editor.id,
      entity: "Claim",
      entityId: input.claimId,
      action: input.publish ? "publish" : "unpublish",
      changes: { publishedAt: [claim.publishedAt, publishedAt], version: [input.version, version] },
    });
    return { version, publishedAt };
  });
}

import type { Db } from "@/lib/db/create-client";
import { createActorInTx, planActor, type NewActor } from "@/lib/data/writes/actors";
import { diffFields, recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import {
  bumpVersion,
  conflictResult,
  countWrite,
  FieldsChanged,
  missingClaim,
  Refused,
  versionedWrite,
  type Counted,
} from "@/lib/data/writes/version-check";
import type { Tx } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuse, refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { claimColumns, claimFieldSelect, claimFormValues, type ClaimColumns } from "@/lib/domain/claim-fields";
import { aboutText } from "@/lib/domain/claim-about";
import { compareEdit, fieldLabel, type FieldTexts } from "@/lib/domain/edit-conflicts";
import { reportingVerbWarning } from "@/lib/domain/reporting-verb";
import { firstFreeSlug, slugify } from "@/lib/domain/slug";
import type { ClaimCreateInput, ClaimUpdateInput, PublishInput } from "@/lib/validation/claim";
import { ratesPosition, verdictProblems } from "@/lib/domain/verdict";
import { publishNeedsReview, retractionReasonProblem, unpublishNeedsReview } from "@/lib/domain/review-rules";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { createProposal } from "@/lib/data/writes/proposals";
import { applyPublication, applyWithdrawal } from "@/lib/data/writes/reviewed-changes";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

// Creating and editing claims, and publishing them. Input has been parsed with the form's schema; these functions
// add the rules that need the database, and write each change with its AuditEvent in one transaction.

/** The claimant, the incident and the actors it is about must exist: ids from a crafted request are field errors, not a 500. */
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
  if (input.about?.length) {
    const found = await db.actor.count({ where: { id: { in: input.about } } });
    if (found !== input.about.length)
      fieldErrors.about = ["An actor in this list does not exist. Choose from the list."];
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
      const about = input.about ?? [];
      if (about.length)
        await tx.claimAbout.createMany({ data: about.map((actorId) => ({ claimId: created.id, actorId })) });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: created.id,
        action: "create",
        changes: about.length ? { ...data, about: aboutText(about) } : data,
      });
      return created;
    });
    return { ok: true, data: claim };
  } catch (error) {
    if (isUniqueViolation(error)) return raced(db, slug.slug, newActor);
    throw error;
  }
}

/** The fields the claim form edits, as text the way its inputs hold them (lib/domain/edit-conflicts.ts). */
function storedTexts(
  row: ClaimColumns & { slug: string; claimantId: number; incidentId: number | null },
  about: number[],
): FieldTexts {
  return {
    ...textsOf(claimFormValues(row)),
    slug: row.slug,
    claimantId: String(row.claimantId),
    incidentId: row.incidentId === null ? "" : String(row.incidentId),
    about: aboutText(about),
  };
}

function submittedTexts(input: ClaimUpdateInput): FieldTexts {
  return {
    ...textsOf(claimFormValues(claimColumns(input))),
    // An empty slug keeps the current one: it is not a change.
    ...(input.slug === undefined ? {} : { slug: input.slug }),
    claimantId: input.claimant.mode === "existing" ? String(input.claimant.actorId) : input.claimant.actor.name,
    incidentId: input.incidentId === undefined ? "" : String(input.incidentId),
    // Not sent (an older client, a script): the list is left as stored.
    ...(input.about === undefined ? {} : { about: aboutText(input.about) }),
  };
}

const textsOf = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? "")])) as FieldTexts;

/**
 * Saves the fields the editor changed (lib/domain/edit-conflicts.ts). With `openedWith`, each changed field must be
 * stored as the form was opened with it, or as the editor sets it; fields someone else changed meanwhile that this
 * editor left alone are kept, not overwritten. The comparison runs after the counter's write took the lock, so of
 * N concurrent saves of one field exactly one wins. Without `openedWith` the claim's version must not have moved.
 */
export async function updateClaim(
  db: Db,
  editor: Editor,
  input: ClaimUpdateInput,
): Promise<
  ActionResult<Counted & { slug: string; claimantId: number; othersChanged: string[]; warning: string | null }>
> {
  const before = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, version: true, slug: true },
  });
  if (!before) return missingClaim();
  if (!input.openedWith && before.version !== input.version) return conflictResult(db, before.id);
  const refused = await checkReferences(db, input);
  if (refused) return refused;
  const slug = await chooseSlug(db, input.slug, input.statement, before);
  if (!slug.ok) return slug;
  const newActor = input.claimant.mode === "new" ? await planActor(db, input.claimant.actor) : null;

  try {
    return await versionedWrite(db, before.id, async (tx) => {
      const counted: Counted = input.openedWith
        ? await countWrite(tx, before.id, editor.id)
        : { previousVersion: input.version, version: await bumpVersion(tx, before.id, input.version, editor.id) };
      const stored = await tx.claim.findUniqueOrThrow({
        where: { id: before.id },
        select: { status: true, slug: true, ...claimFieldSelect, claimantId: true, incidentId: true },
      });
      const storedAbout = (
        await tx.claimAbout.findMany({ where: { claimId: before.id }, select: { actorId: true } })
      ).map((a) => a.actorId);
      const now = storedTexts(stored, storedAbout);
      const { changed, conflicts, othersChanged } = compareEdit(input.openedWith ?? now, submittedTexts(input), now);
      if (conflicts.length) throw new FieldsChanged(conflicts);
      if (changed.includes("kind") && stored.kind !== "POSITION" && ratesPosition(input.kind, stored.status)) {
        throw new Refused(
          refuseField(
            "kind",
            `Positions are not rated, and this claim is ${STATUS_INFO[stored.status].label}. Set its status back to Unverified first, with a rationale, then make it a position.`,
          ),
        );
      }
      const claimantId = changed.includes("claimantId")
        ? await claimantOf(tx, editor, input, newActor)
        : stored.claimantId;
      const row: Record<string, unknown> = claimRow(input, slug.slug, claimantId);
      const columns = changed.filter((f) => f !== "about");
      const data = Object.fromEntries(columns.map((f) => [f, row[f]])) as Partial<typeof stored>;
      if (columns.length) await tx.claim.update({ where: { id: before.id }, data, select: { id: true } });
      const about = changed.includes("about") && input.about ? input.about : null;
      if (about) await replaceAbout(tx, before.id, about);
      const { status: _s, ...old } = stored;
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: before.id,
        action: "update",
        changes: {
          ...diffFields(old, data),
          ...(about ? { about: [aboutText(storedAbout), aboutText(about)] } : {}),
          version: [counted.previousVersion, counted.version],
        },
      });
      return {
        ...counted,
        slug: data.slug ?? stored.slug,
        claimantId,
        othersChanged: othersChanged.map(fieldLabel),
        // Saved all the same: a warning, not a refusal (lib/domain/reporting-verb.ts).
        warning: reportingVerbWarning(input.statement),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return raced(db, slug.slug, newActor);
    throw error;
  }
}

/** The actors a claim is about, replaced as a whole (the form sends the whole list). */
async function replaceAbout(tx: Tx, claimId: number, actorIds: number[]) {
  await tx.claimAbout.deleteMany({ where: { claimId } });
  if (actorIds.length) await tx.claimAbout.createMany({ data: actorIds.map((actorId) => ({ claimId, actorId })) });
}

/**
 * Publishing (at least one linked source; the schema asked for confirmation) or unpublishing, which for a published
 * claim is a retraction with its reason. Either goes to review when lib/domain/review-rules.ts says so.
 */
export async function setPublished(
  db: Db,
  editor: Editor,
  input: PublishInput,
  now = new Date(),
): Promise<ActionResult<{ version: number; publishedAt: Date | null; proposalId: number | null }>> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: {
      version: true,
      publishedAt: true,
      status: true,
      statusRationale: true,
      kind: true,
      withdrawnAt: true,
      withdrawalReason: true,
    },
  });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);
  if (input.publish && claim.publishedAt) return refuseField("publish", "This claim is already published.");
  if (!input.publish && !claim.publishedAt) return refuseField("publish", "This claim is already a draft.");
  const { reviewRequired } = await readDeskSettings(db);
  const at = { id: input.claimId, ...claim, version: input.version };

  if (input.publish) {
    const sourceCount = await db.claimSource.count({ where: { claimId: input.claimId } });
    if (sourceCount < 1)
      return refuseField(
        "publish",
        "Link at least one source to this claim before publishing it: readers need to see what it rests on.",
      );
    // The verdict readers would get must meet the verdict rules (a claim imported or built in the database may not).
    const [problem] = verdictProblems({
      status: claim.status,
      rationale: claim.statusRationale,
      kind: claim.kind,
      sourceCount,
    });
    if (problem) return refuseField("publish", `${problem.message} Fix the status before publishing.`);
    if (publishNeedsReview(reviewRequired, claim.status))
      return proposed(
        await createProposal(db, editor, {
          claimId: input.claimId,
          version: input.version,
          kind: "PUBLISH",
          status: claim.status,
          rationale: claim.statusRationale ?? "",
        }),
        input.version,
        claim.publishedAt,
      );
    return versionedWrite(db, input.claimId, async (tx) => ({
      ...(await applyPublication(tx, at, now, { editorId: editor.id })),
      proposalId: null,
    }));
  }

  // The schema required the reason when unpublishing; checked again because readers rely on it, whoever calls this.
  const reasonProblem = retractionReasonProblem(input.reason);
  if (reasonProblem) return refuseField("reason", reasonProblem);
  const reason = input.reason!.trim();
  if (unpublishNeedsReview(reviewRequired))
    return proposed(
      await createProposal(db, editor, {
        claimId: input.claimId,
        version: input.version,
        kind: "UNPUBLISH",
        status: null,
        rationale: reason,
      }),
      input.version,
      claim.publishedAt,
    );
  return versionedWrite(db, input.claimId, async (tx) => ({
    ...(await applyWithdrawal(tx, at, reason, now, { editorId: editor.id })),
    proposalId: null,
  }));
}

/** A proposal leaves the claim as it was: same version, same publication. */
function proposed(
  result: ActionResult<{ proposalId: number }>,
  version: number,
  publishedAt: Date | null,
): ActionResult<{ version: number; publishedAt: Date | null; proposalId: number | null }> {
  return result.ok ? { ok: true, data: { version, publishedAt, proposalId: result.data.proposalId } } : result;
}

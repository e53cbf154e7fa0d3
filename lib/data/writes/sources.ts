import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { dayToDate } from "@/lib/validation/fields";
import type { AttachSourceInput, DetachSourceInput, NewSourceInput } from "@/lib/validation/source";
import { lacksSource } from "@/lib/domain/verdict";

// Sources of a claim, each with its stance. A change here changes what readers see, so it moves the claim's version.

function sourceColumns(fields: NewSourceInput) {
  return {
    url: fields.url ?? null,
    title: fields.title,
    publisher: fields.publisher ?? null,
    publishedAt: fields.publishedAt ? dayToDate(fields.publishedAt) : null,
    type: fields.type,
    archiveUrl: fields.archiveUrl ?? null,
    derivedFromId: fields.derivedFromId ?? null,
    protected: fields.protected,
    // A reason is kept only for a protected source: readers see it in place of the source.
    protectedReason: fields.protected ? (fields.protectedReason ?? null) : null,
  };
}

const alreadyLinked = () =>
  refuseField("source.sourceId", "This source is already linked to this claim. Remove it first to change its stance.");

export async function attachSource(
  db: Db,
  editor: Editor,
  input: AttachSourceInput,
): Promise<ActionResult<{ version: number; sourceId: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  const pick = input.source;
  if (pick.mode === "existing") {
    const source = await db.source.findUnique({ where: { id: pick.sourceId }, select: { id: true } });
    if (!source) return refuseField("source.sourceId", "This source does not exist. Choose one from the list.");
    const linked = await db.claimSource.count({ where: { claimId: input.claimId, sourceId: pick.sourceId } });
    if (linked) return alreadyLinked();
  } else if (pick.fields.derivedFromId !== undefined) {
    const origin = await db.source.count({ where: { id: pick.fields.derivedFromId } });
    if (!origin)
      return refuseField(
        "source.fields.derivedFromId",
        "The source this one repeats does not exist. Choose one from the list.",
      );
  }

  try {
    return await versionedWrite(db, input.claimId, async (tx) => {
      const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
      let sourceId: number;
      if (pick.mode === "new") {
        const data = sourceColumns(pick.fields);
        sourceId = (await tx.source.create({ data, select: { id: true } })).id;
        await recordAudit(tx, {
          userId: editor.id,
          entity: "Source",
          entityId: sourceId,
          action: "create",
          changes: data,
        });
      } else {
        sourceId = pick.sourceId;
      }
      const link = { claimId: input.claimId, sourceId, stance: input.stance, note: input.note ?? null };
      const created = await tx.claimSource.create({ data: link, select: { id: true } });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "ClaimSource",
        entityId: created.id,
        action: "create",
        changes: { ...link, claimVersion: [input.version, version] },
      });
      return { version, sourceId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyLinked();
    throw error;
  }
}

export async function detachSource(
  db: Db,
  editor: Editor,
  input: DetachSourceInput,
): Promise<ActionResult<{ version: number }>> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { version: true, status: true },
  });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);
  // Not `_count`: Prisma groups the whole ClaimSource table for it (lib/data/writes/status.ts).
  const sourceCount = await db.claimSource.count({ where: { claimId: input.claimId } });

  const link = await db.claimSource.findUnique({
    where: { claimId_sourceId: { claimId: input.claimId, sourceId: input.sourceId } },
    select: { id: true, stance: true, note: true },
  });
  if (!link) return refuseField("sourceId", "This source is not linked to this claim.");
  const citing = await db.casualtyFigure.count({ where: { claimId: input.claimId, sourceId: input.sourceId } });
  if (citing) {
    return refuseField(
      "sourceId",
      `${citing === 1 ? "A casualty figure cites" : `${citing} casualty figures cite`} this source. Remove ${citing === 1 ? "it" : "them"} first.`,
    );
  }
  if (lacksSource(claim.status, sourceCount - 1)) {
    return refuse(
      "A claim with a final verdict needs at least one source. Link another source before removing this one, or change the status first.",
      {
        sourceId: ["This is the only source of a final verdict."],
      },
    );
  }

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
    await tx.claimSource.delete({ where: { id: link.id }, select: { id: true } });
    await recordAudit(tx, {
      userId: editor.id,
      entity: "ClaimSource",
      entityId: link.id,
      action: "delete",
      changes: {
        claimId: input.claimId,
        sourceId: input.sourceId,
        stance: link.stance,
        note: link.note,
        claimVersion: [input.version, version],
      },
    });
    return { version };
  });
}

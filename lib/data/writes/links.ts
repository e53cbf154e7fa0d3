import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import type { LinkInput, RemoveLinkInput } from "@/lib/validation/link";
import { LINK_LABEL } from "@/lib/domain/vocabulary";

// Typed links from this claim to another. The link belongs to the claim it starts from: adding or removing it
// moves that claim's version.

const selfLink = () => refuseField("targetId", "A claim cannot be linked to itself: choose another claim.");

export async function addLink(
  db: Db,
  editor: Editor,
  input: LinkInput,
): Promise<ActionResult<{ version: number; linkId: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);
  if (input.targetId === input.claimId) return selfLink();

  const target = await db.claim.findUnique({ where: { id: input.targetId }, select: { id: true } });
  if (!target)
    return refuseField("targetId", "The claim to link to does not exist. Search for it and pick it from the list.");
  const duplicate = () =>
    refuseField(
      "targetId",
      `This claim already “${LINK_LABEL[input.type].outgoing.toLowerCase()}” that one: the link exists.`,
    );
  const existing = await db.claimLink.count({
    where: { fromId: input.claimId, toId: input.targetId, type: input.type },
  });
  if (existing) return duplicate();

  try {
    return await versionedWrite(db, input.claimId, async (tx) => {
      const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
      const data = {
        fromId: input.claimId,
        toId: input.targetId,
        type: input.type,
        note: input.note ?? null,
        createdById: editor.id,
      };
      const link = await tx.claimLink.create({ data, select: { id: true } });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "ClaimLink",
        entityId: link.id,
        action: "create",
        changes: { ...data, claimVersion: [input.version, version] },
      });
      return { version, linkId: link.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate();
    throw error;
  }
}

export async function removeLink(
  db: Db,
  editor: Editor,
  input: RemoveLinkInput,
): Promise<ActionResult<{ version: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  const link = await db.claimLink.findFirst({
    where: { id: input.linkId, fromId: input.claimId },
    select: { id: true, toId: true, type: true, note: true },
  });
  if (!link)
    return refuseField("linkId", "This link does not start from this claim. Remove it from the claim it starts from.");

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
    await tx.claimLink.delete({ where: { id: link.id }, select: { id: true } });
    await recordAudit(tx, {
      userId: editor.id,
      entity: "ClaimLink",
      entityId: link.id,
      action: "delete",
      changes: {
        fromId: input.claimId,
        toId: link.toId,
        type: link.type,
        note: link.note,
        claimVersion: [input.version, version],
      },
    });
    return { version };
  });
}

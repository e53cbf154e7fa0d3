import type { Db, Tx } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { countWrite, Refused, versionedWrite, type Counted } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import type { LinkInput, RemoveLinkInput } from "@/lib/validation/link";
import { LINK_LABEL } from "@/lib/domain/vocabulary";

// Typed links from this claim to another. The link belongs to the claim it starts from: adding or removing it
// moves that claim's counter on. It depends on no other field of the claim, so it does not check the version the
// form holds: it checks its own rows after taking the lock (lib/data/writes/version-check.ts).

const selfLink = () => refuseField("targetId", "A claim cannot be linked to itself: choose another claim.");

const duplicateOf = (input: LinkInput) =>
  refuseField(
    "targetId",
    `This claim already “${LINK_LABEL[input.type].outgoing.toLowerCase()}” that one: the link exists.`,
  );

async function checkLink(tx: Tx, input: LinkInput) {
  const target = await tx.claim.findUnique({ where: { id: input.targetId }, select: { id: true } });
  if (!target) {
    throw new Refused(
      refuseField("targetId", "The claim to link to does not exist. Search for it and pick it from the list."),
    );
  }
  const existing = await tx.claimLink.count({
    where: { fromId: input.claimId, toId: input.targetId, type: input.type },
  });
  if (existing) throw new Refused(duplicateOf(input));
}

export async function addLink(
  db: Db,
  editor: Editor,
  input: LinkInput,
): Promise<ActionResult<Counted & { linkId: number }>> {
  if (input.targetId === input.claimId) return selfLink();
  try {
    return await versionedWrite(db, input.claimId, async (tx) => {
      const counted = await countWrite(tx, input.claimId, editor.id);
      await checkLink(tx, input);
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
        changes: { ...data, claimVersion: [counted.previousVersion, counted.version] },
      });
      return { ...counted, linkId: link.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateOf(input);
    throw error;
  }
}

export async function removeLink(db: Db, editor: Editor, input: RemoveLinkInput): Promise<ActionResult<Counted>> {
  return versionedWrite(db, input.claimId, async (tx) => {
    const counted = await countWrite(tx, input.claimId, editor.id);
    const link = await tx.claimLink.findFirst({
      where: { id: input.linkId, fromId: input.claimId },
      select: { id: true, toId: true, type: true, note: true },
    });
    if (!link) {
      throw new Refused(
        refuseField(
          "linkId",
          "This link does not start from this claim (or another editor removed it). Remove a link from the claim it starts from.",
        ),
      );
    }
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
        claimVersion: [counted.previousVersion, counted.version],
      },
    });
    return counted;
  });
}

import type { Db, Tx } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { countWrite, Refused, versionedWrite, type Counted } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { dayToDate } from "@/lib/validation/fields";
import type { AttachSourceInput, DetachSourceInput, NewSourceInput } from "@/lib/validation/source";
import { lacksSource } from "@/lib/domain/verdict";

// Sources of a claim, each with its stance. A change here changes what readers see, so it moves the claim's counter
// on; it depends on no other field of the claim, so it does not check the version the form holds: it checks its own
// rows (and, for a removal, the verdict's need of a source) after taking the lock (lib/data/writes/version-check.ts).

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

/** The picked source must exist and not be linked yet; a new one may repeat only a source that exists. */
async function checkAttach(tx: Tx, input: AttachSourceInput) {
  const pick = input.source;
  if (pick.mode === "existing") {
    const source = await tx.source.findUnique({ where: { id: pick.sourceId }, select: { id: true } });
    if (!source)
      throw new Refused(refuseField("source.sourceId", "This source does not exist. Choose one from the list."));
    const linked = await tx.claimSource.count({ where: { claimId: input.claimId, sourceId: pick.sourceId } });
    if (linked) throw new Refused(alreadyLinked());
  } else if (pick.fields.derivedFromId !== undefined) {
    const origin = await tx.source.count({ where: { id: pick.fields.derivedFromId } });
    if (!origin) {
      throw new Refused(
        refuseField(
          "source.fields.derivedFromId",
          "The source this one repeats does not exist. Choose one from the list.",
        ),
      );
    }
  }
}

export async function attachSource(
  db: Db,
  editor: Editor,
  input: AttachSourceInput,
): Promise<ActionResult<Counted & { sourceId: number }>> {
  const pick = input.source;
  try {
    return await versionedWrite(db, input.claimId, async (tx) => {
      const counted = await countWrite(tx, input.claimId, editor.id);
      await checkAttach(tx, input);
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
        changes: { ...link, claimVersion: [counted.previousVersion, counted.version] },
      });
      return { ...counted, sourceId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyLinked();
    throw error;
  }
}

/**
 * The link must exist, no figure may cite the source, and a final verdict keeps at least one source. Read after the
 * lock: a status change or another removal cannot slip in between the check and the delete.
 */
async function checkDetach(tx: Tx, input: DetachSourceInput) {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: input.claimId }, select: { status: true } });
  const link = await tx.claimSource.findUnique({
    where: { claimId_sourceId: { claimId: input.claimId, sourceId: input.sourceId } },
    select: { id: true, stance: true, note: true },
  });
  if (!link) {
    throw new Refused(
      refuseField("sourceId", "This source is not linked to this claim (another editor may have removed it)."),
    );
  }
  const citing = await tx.casualtyFigure.count({ where: { claimId: input.claimId, sourceId: input.sourceId } });
  if (citing) {
    throw new Refused(
      refuseField(
        "sourceId",
        `${citing === 1 ? "A casualty figure cites" : `${citing} casualty figures cite`} this source. Remove ${citing === 1 ? "it" : "them"} first.`,
      ),
    );
  }
  // Not `_count`: Prisma groups the whole ClaimSource table for it (lib/data/writes/status.ts).
  const sourceCount = await tx.claimSource.count({ where: { claimId: input.claimId } });
  if (lacksSource(claim.status, sourceCount - 1)) {
    throw new Refused(
      refuse(
        "A claim with a final verdict needs at least one source. Link another source before removing this one, or change the status first.",
        { sourceId: ["This is the only source of a final verdict."] },
      ),
    );
  }
  return link;
}

export async function detachSource(db: Db, editor: Editor, input: DetachSourceInput): Promise<ActionResult<Counted>> {
  return versionedWrite(db, input.claimId, async (tx) => {
    const counted = await countWrite(tx, input.claimId, editor.id);
    const link = await checkDetach(tx, input);
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
        claimVersion: [counted.previousVersion, counted.version],
      },
    });
    return counted;
  });
}

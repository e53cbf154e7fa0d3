import type { Db, Tx } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { countWrite, Refused, versionedWrite, type Counted } from "@/lib/data/writes/version-check";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { dayToDate } from "@/lib/validation/fields";
import type { FigureInput, RemoveFigureInput } from "@/lib/validation/figure";
import { figureFieldsSelect } from "@/lib/data/stored-fields";

// Casualty figures, one per reporter and number. The database also refuses min > max and negatives (CHECK).
// Adding or removing a figure depends on no other field of the claim: it moves the claim's counter on but does not
// check the version the form holds (lib/data/writes/version-check.ts); it checks its own rows after taking the lock.

/** The reporter must exist, and a cited source must be one of the claim's (readers find it under its evidence). */
async function checkFigure(tx: Tx, input: FigureInput) {
  const fieldErrors: Record<string, string[]> = {};
  const reporter = await tx.actor.count({ where: { id: input.reportedById } });
  if (!reporter) fieldErrors.reportedById = ["This actor does not exist. Choose one from the list."];
  if (input.sourceId !== undefined) {
    const linked = await tx.claimSource.count({ where: { claimId: input.claimId, sourceId: input.sourceId } });
    if (!linked) fieldErrors.sourceId = ["Choose one of this claim's sources (link the source to the claim first)."];
  }
  if (Object.keys(fieldErrors).length) throw new Refused(refuse("Please correct the highlighted fields.", fieldErrors));
}

export async function addFigure(
  db: Db,
  editor: Editor,
  input: FigureInput,
): Promise<ActionResult<Counted & { figureId: number }>> {
  return versionedWrite(db, input.claimId, async (tx) => {
    const counted = await countWrite(tx, input.claimId, editor.id);
    await checkFigure(tx, input);
    const data = {
      claimId: input.claimId,
      reportedById: input.reportedById,
      sourceId: input.sourceId ?? null,
      population: input.population,
      outcome: input.outcome,
      min: input.min,
      max: input.max,
      reportedAt: input.reportedAt ? dayToDate(input.reportedAt) : null,
      note: input.note ?? null,
      // The schema refuses a source and a reason together (lib/domain/figure-rules.ts).
      noSourceReason: input.noSourceReason ?? null,
    };
    const figure = await tx.casualtyFigure.create({ data, select: { id: true } });
    await recordAudit(tx, {
      userId: editor.id,
      entity: "CasualtyFigure",
      entityId: figure.id,
      action: "create",
      changes: { ...data, claimVersion: [counted.previousVersion, counted.version] },
    });
    return { ...counted, figureId: figure.id };
  });
}

export async function removeFigure(db: Db, editor: Editor, input: RemoveFigureInput): Promise<ActionResult<Counted>> {
  return versionedWrite(db, input.claimId, async (tx) => {
    const counted = await countWrite(tx, input.claimId, editor.id);
    const figure = await tx.casualtyFigure.findFirst({
      where: { id: input.figureId, claimId: input.claimId },
      select: { id: true, ...figureFieldsSelect },
    });
    if (!figure) {
      throw new Refused(
        refuseField("figureId", "This figure is not one of this claim's figures (another editor may have removed it)."),
      );
    }
    await tx.casualtyFigure.delete({ where: { id: figure.id }, select: { id: true } });
    const { id, ...removed } = figure;
    await recordAudit(tx, {
      userId: editor.id,
      entity: "CasualtyFigure",
      entityId: id,
      action: "delete",
      changes: { ...removed, claimVersion: [counted.previousVersion, counted.version] },
    });
    return counted;
  });
}

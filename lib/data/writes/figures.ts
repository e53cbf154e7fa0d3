import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { bumpVersion, conflictResult, missingClaim, versionedWrite } from "@/lib/data/writes/version-check";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { dayToDate } from "@/lib/validation/fields";
import type { FigureInput, RemoveFigureInput } from "@/lib/validation/figure";
import { figureFieldsSelect } from "@/lib/data/stored-fields";

// Casualty figures, one per reporter and number. The database also refuses min > max and negatives (CHECK).

export async function addFigure(
  db: Db,
  editor: Editor,
  input: FigureInput,
): Promise<ActionResult<{ version: number; figureId: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  const fieldErrors: Record<string, string[]> = {};
  const reporter = await db.actor.count({ where: { id: input.reportedById } });
  if (!reporter) fieldErrors.reportedById = ["This actor does not exist. Choose one from the list."];
  if (input.sourceId !== undefined) {
    // A figure cites one of the claim's own sources, so readers find it under the claim's evidence.
    const linked = await db.claimSource.count({ where: { claimId: input.claimId, sourceId: input.sourceId } });
    if (!linked) fieldErrors.sourceId = ["Choose one of this claim's sources (link the source to the claim first)."];
  }
  if (Object.keys(fieldErrors).length) return refuse("Please correct the highlighted fields.", fieldErrors);

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
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
      changes: { ...data, claimVersion: [input.version, version] },
    });
    return { version, figureId: figure.id };
  });
}

export async function removeFigure(
  db: Db,
  editor: Editor,
  input: RemoveFigureInput,
): Promise<ActionResult<{ version: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { version: true } });
  if (!claim) return missingClaim();
  if (claim.version !== input.version) return conflictResult(db, input.claimId);

  const figure = await db.casualtyFigure.findFirst({
    where: { id: input.figureId, claimId: input.claimId },
    select: { id: true, ...figureFieldsSelect },
  });
  if (!figure) return refuseField("figureId", "This figure is not one of this claim's figures.");

  return versionedWrite(db, input.claimId, async (tx) => {
    const version = await bumpVersion(tx, input.claimId, input.version, editor.id);
    await tx.casualtyFigure.delete({ where: { id: figure.id }, select: { id: true } });
    const { id, ...removed } = figure;
    await recordAudit(tx, {
      userId: editor.id,
      entity: "CasualtyFigure",
      entityId: id,
      action: "delete",
      changes: { ...removed, claimVersion: [input.version, version] },
    });
    return { version };
  });
}

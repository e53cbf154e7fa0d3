import type { Db } from "@/lib/db/create-client";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { missingClaim } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/domain/format";
import type {
  AddStepInput,
  MoveStepInput,
  RenameStepInput,
  RetireStepInput,
  TickStepInput,
} from "@/lib/validation/checklist";

// The verification checklist (docs/editing.md). Admins keep the steps; any editor ticks them on a claim. Every check
// reads before its transaction, which then only writes (a SQLite transaction that reads first cannot wait for the
// write lock: lib/data/writes/actors.ts). A tick is not an edit of the claim: it leaves the claim's version alone, so
// ticking never makes another editor's open form stale. A retired step is never deleted: its ticks stay as history.

const unknownStep = () =>
  refuseField("stepId", "This checklist step does not exist. Reload the page to see the current list.");
const retiredStep = (name: string) =>
  refuseField("stepId", `The step “${name}” is retired: it can no longer be changed or ticked.`);

/** The step named like `name` (case and surrounding spaces ignored), other than `exceptId`. */
async function sameName(db: Db, name: string, exceptId?: number) {
  const steps = await db.checklistStep.findMany({ select: { id: true, name: true, retiredAt: true } });
  const key = name.trim().toLowerCase();
  return steps.find((s) => s.id !== exceptId && s.name.toLowerCase() === key);
}

function duplicateName(step: { name: string; retiredAt: Date | null }) {
  return refuseField(
    "name",
    step.retiredAt
      ? `A retired step is already named “${step.name}”: choose another name.`
      : `A step named “${step.name}” is already on the checklist.`,
  );
}

export async function addStep(db: Db, admin: Editor, input: AddStepInput): Promise<ActionResult<{ stepId: number }>> {
  const taken = await sameName(db, input.name);
  if (taken) return duplicateName(taken);
  const last = await db.checklistStep.aggregate({ _max: { position: true } });
  const position = (last._max.position ?? 0) + 1;
  try {
    const step = await db.$transaction(async (tx) => {
      const created = await tx.checklistStep.create({ data: { name: input.name, position }, select: { id: true } });
      await recordAudit(tx, {
        userId: admin.id,
        entity: "ChecklistStep",
        entityId: created.id,
        action: "create",
        changes: { name: input.name, position },
      });
      return created;
    });
    return { ok: true, data: { stepId: step.id } };
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName({ name: input.name, retiredAt: null });
    throw error;
  }
}

export async function renameStep(db: Db, admin: Editor, input: RenameStepInput): Promise<ActionResult> {
  const step = await db.checklistStep.findUnique({
    where: { id: input.stepId },
    select: { name: true, retiredAt: true },
  });
  if (!step) return unknownStep();
  if (step.retiredAt) return retiredStep(step.name);
  if (step.name === input.name) return refuseField("name", `The step is already named “${step.name}”.`);
  const taken = await sameName(db, input.name, input.stepId);
  if (taken) return duplicateName(taken);
  try {
    await db.$transaction(async (tx) => {
      await tx.checklistStep.update({ where: { id: input.stepId }, data: { name: input.name }, select: { id: true } });
      await recordAudit(tx, {
        userId: admin.id,
        entity: "ChecklistStep",
        entityId: input.stepId,
        action: "rename",
        changes: { name: [step.name, input.name] },
      });
    });
    return { ok: true, data: undefined };
  } catch (error) {
    if (isUniqueViolation(error)) return duplicateName({ name: input.name, retiredAt: null });
    throw error;
  }
}

/** Swaps the step with its neighbour among the steps in use. */
export async function moveStep(db: Db, admin: Editor, input: MoveStepInput): Promise<ActionResult> {
  const steps = await db.checklistStep.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  const index = steps.findIndex((s) => s.id === input.stepId);
  if (index < 0) {
    const retired = await db.checklistStep.findUnique({ where: { id: input.stepId }, select: { name: true } });
    return retired ? retiredStep(retired.name) : unknownStep();
  }
  const other = steps[input.direction === "up" ? index - 1 : index + 1];
  const step = steps[index]!;
  if (!other) {
    return refuseField(
      "direction",
      `“${step.name}” is already ${input.direction === "up" ? "first" : "last"} on the checklist.`,
    );
  }
  // Positions are renumbered 1…n in the new order, so ties left by concurrent additions never make a move a no-op.
  const order = steps.map((s) => s.id);
  const j = input.direction === "up" ? index - 1 : index + 1;
  [order[index], order[j]] = [order[j]!, order[index]!];
  await db.$transaction(async (tx) => {
    for (const [i, id] of order.entries()) {
      await tx.checklistStep.update({ where: { id }, data: { position: i + 1 }, select: { id: true } });
    }
    await recordAudit(tx, {
      userId: admin.id,
      entity: "ChecklistStep",
      entityId: input.stepId,
      action: "move",
      changes: { name: step.name, position: [index + 1, j + 1] },
    });
  });
  return { ok: true, data: undefined };
}

export async function retireStep(db: Db, admin: Editor, input: RetireStepInput): Promise<ActionResult> {
  const step = await db.checklistStep.findUnique({
    where: { id: input.stepId },
    select: { name: true, retiredAt: true },
  });
  if (!step) return unknownStep();
  if (step.retiredAt) return refuseField("stepId", `The step “${step.name}” is already retired.`);
  await db.$transaction(async (tx) => {
    const retiredAt = new Date();
    await tx.checklistStep.update({ where: { id: input.stepId }, data: { retiredAt }, select: { id: true } });
    await recordAudit(tx, {
      userId: admin.id,
      entity: "ChecklistStep",
      entityId: input.stepId,
      action: "retire",
      changes: { name: step.name, retiredAt: [null, retiredAt.toISOString()] },
    });
  });
  return { ok: true, data: undefined };
}

/** Ticks or unticks one step on one claim; the AuditEvent is the claim's, so the claim's audit trail shows it. */
export async function tickStep(db: Db, editor: Editor, input: TickStepInput): Promise<ActionResult> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
  if (!claim) return missingClaim();
  const step = await db.checklistStep.findUnique({
    where: { id: input.stepId },
    select: { name: true, retiredAt: true },
  });
  if (!step) return unknownStep();
  if (step.retiredAt) return retiredStep(step.name);
  const tick = await db.checklistTick.findUnique({
    where: { claimId_stepId: { claimId: input.claimId, stepId: input.stepId } },
    select: { tickedAt: true, tickedBy: { select: { name: true } } },
  });
  const alreadyTicked = (by: string | null, at: Date) =>
    refuseField("stepId", `“${step.name}” is already ticked${by ? ` by ${by}` : ""} at ${formatDateTime(at)}.`);
  if (input.done && tick) return alreadyTicked(tick.tickedBy?.name ?? null, tick.tickedAt);
  if (!input.done && !tick) return refuseField("stepId", `“${step.name}” is not ticked on this claim.`);

  try {
    await db.$transaction(async (tx) => {
      const where = { claimId_stepId: { claimId: input.claimId, stepId: input.stepId } };
      if (input.done) {
        await tx.checklistTick.create({
          data: { claimId: input.claimId, stepId: input.stepId, tickedById: editor.id },
          select: { stepId: true },
        });
      } else {
        // deleteMany: an untick that lost a race to another untick deletes nothing and says so below.
        const { count } = await tx.checklistTick.deleteMany({ where: where.claimId_stepId });
        if (count === 0) throw new NotTicked();
      }
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: input.claimId,
        action: input.done ? "checklist-tick" : "checklist-untick",
        changes: { stepId: input.stepId, step: step.name, ticked: [!input.done, input.done] },
      });
    });
    return { ok: true, data: undefined };
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyTicked(null, new Date());
    if (error instanceof NotTicked) return refuseField("stepId", `“${step.name}” is not ticked on this claim.`);
    throw error;
  }
}

class NotTicked extends Error {}

import type { DbOrTx } from "@/lib/db/create-client";

// The verification checklist's reads: editor and admin pages only (lib/data/entry-points/editor.ts, admin.ts), and
// the status write's warning. Nothing here is reachable from a reader page, the API, the feed or a reader export.

/** Every step for the admin page: the ones in use in their order, then the retired ones, each with its tick count. */
export async function listChecklistSteps(db: DbOrTx) {
  const steps = await db.checklistStep.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, retiredAt: true, _count: { select: { ticks: true } } },
  });
  return {
    active: steps.filter((s) => !s.retiredAt),
    retired: steps.filter((s) => s.retiredAt),
  };
}
export type ChecklistStepRow = Awaited<ReturnType<typeof listChecklistSteps>>["active"][number];

/**
 * One claim's checklist: the steps in use, ticked or not, then retired steps this claim ticked (their history is
 * kept). Each with who ticked it and when, or null.
 */
export async function getClaimChecklist(db: DbOrTx, claimId: number) {
  const steps = await db.checklistStep.findMany({
    where: { OR: [{ retiredAt: null }, { ticks: { some: { claimId } } }] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      retiredAt: true,
      ticks: { where: { claimId }, select: { tickedAt: true, tickedBy: { select: { name: true } } } },
    },
  });
  const rows = steps.map(({ ticks, retiredAt, ...step }) => {
    const [tick] = ticks;
    return {
      ...step,
      retired: retiredAt !== null,
      tick: tick ? { by: tick.tickedBy?.name ?? null, at: tick.tickedAt } : null,
    };
  });
  return [...rows.filter((r) => !r.retired), ...rows.filter((r) => r.retired)];
}
export type ClaimChecklistStep = Awaited<ReturnType<typeof getClaimChecklist>>[number];

/** The names of the steps in use that this claim has not ticked, in checklist order. */
export async function openStepNames(db: DbOrTx, claimId: number): Promise<string[]> {
  const steps = await db.checklistStep.findMany({
    where: { retiredAt: null, ticks: { none: { claimId } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { name: true },
  });
  return steps.map((s) => s.name);
}

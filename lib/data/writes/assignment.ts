import type { Db } from "@/lib/db/create-client";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import type { AssignInput } from "@/lib/validation/assignment";

// Who works on a claim (docs/editing.md, Assignment; docs/decisions/0023-assignment-and-work-queue.md). Any editor may
// assign a claim to any active account, or to nobody. Assignment is not an edit of the claim: it leaves the version
// and `updatedAt` alone, so no other editor's open form turns stale and readers' "last updated" does not move.
// Checks read before the transaction, which then only writes behind a guard on the assignee it read (a SQLite
// transaction that reads first cannot wait for the write lock: lib/data/writes/actors.ts).

export type Assignment = { assignee: { id: number; name: string } | null };

export async function assignClaim(db: Db, editor: Editor, input: AssignInput): Promise<ActionResult<Assignment>> {
  const claim = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { assigneeId: true, updatedAt: true, assignee: { select: { name: true } } },
  });
  if (!claim) return refuseField("claimId", "This claim no longer exists.");
  const to = input.assigneeId ?? null;
  let assignee: Assignment["assignee"] = null;
  if (to !== null) {
    const user = await db.user.findUnique({ where: { id: to }, select: { id: true, name: true, disabledAt: true } });
    if (!user) return refuseField("assigneeId", "There is no such account: choose an editor from the list.");
    if (user.disabledAt)
      return refuseField("assigneeId", `${user.name}'s account is disabled: choose an active editor.`);
    assignee = { id: user.id, name: user.name };
  }
  if (claim.assigneeId === to)
    return refuseField(
      "assigneeId",
      assignee ? `This claim is already assigned to ${assignee.name}.` : "This claim is already assigned to nobody.",
    );
  return db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: input.claimId, assigneeId: claim.assigneeId },
      // Prisma sets @updatedAt on every update unless given: keep it, assignment changes nothing readers see.
      data: { assigneeId: to, updatedAt: claim.updatedAt },
    });
    if (count === 0)
      return refuseField("assigneeId", "Someone changed the assignment meanwhile: reload the page and try again.");
    await recordAudit(tx, {
      userId: editor.id,
      entity: "Claim",
      entityId: input.claimId,
      action: "assign",
      changes: { assignee: [claim.assignee?.name ?? null, assignee?.name ?? null] },
    });
    return { ok: true as const, data: { assignee } };
  });
}

import type { DbOrTx } from "@/lib/db/create-client";

// Every write leaves an AuditEvent in the same transaction as the write itself (issue: no write without a trace).

type AuditEntity =
  | "Claim"
  | "Source"
  | "ClaimSource"
  | "CasualtyFigure"
  | "ClaimLink"
  | "ClaimNote"
  | "Actor"
  | "Incident"
  | "User"
  | "Session"
  | "Import"
  | "ChecklistStep"
  | "DeskSettings"
  | "AboutPage"
  | "CorrectionRequest";

/** Who is writing: every write records the user on the claim and in the AuditEvent. */
export type Editor = { id: number };

type AuditInput = {
  userId: number | null;
  entity: AuditEntity;
  entityId: string | number;
  action: string;
  /** changed fields: { field: [before, after] } for updates, or the written values for creates */
  changes?: Record<string, unknown>;
};

export async function recordAudit(tx: DbOrTx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: event.userId,
      entity: event.entity,
      entityId: String(event.entityId),
      action: event.action,
      changes: JSON.stringify(event.changes ?? {}, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)),
    },
    select: { id: true },
  });
}

/** { field: [before, after] } for the fields whose value differs; dates compare by instant. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const a = before[key];
    const b = after[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same && b !== undefined) changes[key] = [a ?? null, b ?? null];
  }
  return changes;
}

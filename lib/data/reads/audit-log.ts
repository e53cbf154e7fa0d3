import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "@/lib/validation/audit-filters";

// Reads of the audit trail for /admin/audit. Newest first; the id breaks ties within one millisecond.

const DAY_MS = 24 * 60 * 60 * 1000;

function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS);
  return {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.user ? { user: { email: filters.user } } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

export async function listAuditEvents(db: Db, filters: AuditFilters) {
  const where = auditWhere(filters);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        entity: true,
        entityId: true,
        action: true,
        changes: true,
        createdAt: true,
        user: { select: { email: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageSize: AUDIT_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: rows,
  };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** The entities and actions that occur, for the filter menus. */
export async function auditVocabulary(db: Db): Promise<{ entities: string[]; actions: string[] }> {
  const [entities, actions] = await Promise.all([
    db.auditEvent.groupBy({ by: ["entity"], orderBy: { entity: "asc" } }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}

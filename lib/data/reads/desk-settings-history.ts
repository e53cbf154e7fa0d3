import type { Db } from "@/lib/db/create-client";

/** The latest changes to the desk's settings, from the audit trail, for app/admin/settings/. */
export function listDeskSettingsChanges(db: Db, take = 5) {
  return db.auditEvent.findMany({
    where: { entity: "DeskSettings" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, changes: true, createdAt: true, user: { select: { name: true } } },
  });
}

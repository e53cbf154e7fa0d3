import type { Db } from "@/lib/db/create-client";

/** Who a claim can be assigned to: every account that can sign in (editors and admins), by name. */
export function listAssigneeOptions(db: Db) {
  return db.user.findMany({
    where: { disabledAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
export type AssigneeOption = Awaited<ReturnType<typeof listAssigneeOptions>>[number];

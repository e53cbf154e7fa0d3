import type { Db } from "@/lib/db/create-client";
import { SEED_STEPS } from "@/lib/domain/checklist";

/**
 * The verification checklist's first steps, created only while the checklist has never had a step: once admins
 * rename, reorder or retire them (retired steps are kept), a later `npm start` leaves their list alone.
 */
export async function seedChecklist(db: Db): Promise<void> {
  if ((await db.checklistStep.count()) > 0) return;
  await db.checklistStep.createMany({ data: SEED_STEPS.map((name, i) => ({ name, position: i + 1 })) });
}

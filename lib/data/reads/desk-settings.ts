import type { Db } from "@/lib/db/create-client";

// The desk's settings (prisma/schema.prisma, DeskSettings): one row, which may not exist yet; until an admin saves
// the settings page the defaults below are in force. They match the schema's column defaults.

export type DeskSettings = { reviewRequired: boolean; staleReviewDays: number };

export const DESK_DEFAULTS: DeskSettings = { reviewRequired: true, staleReviewDays: 3 };

export async function readDeskSettings(db: Db): Promise<DeskSettings> {
  const row = await db.deskSettings.findUnique({
    where: { id: 1 },
    select: { reviewRequired: true, staleReviewDays: true },
  });
  return row ?? DESK_DEFAULTS;
}

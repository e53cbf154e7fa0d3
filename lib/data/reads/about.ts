import type { Db } from "@/lib/db/create-client";
import { ABOUT_DEFAULT_MARKDOWN } from "@/lib/domain/about-default";

// The /about text (prisma/schema.prisma, AboutPage): one row, which may not exist yet; until an admin saves
// /admin/about the honest default of lib/domain/about-default.ts is shown.

export type AboutText = { markdown: string; updatedAt: Date | null };

export async function readAboutText(db: Db): Promise<AboutText> {
  const row = await db.aboutPage.findUnique({ where: { id: 1 }, select: { markdown: true, updatedAt: true } });
  return row ?? { markdown: ABOUT_DEFAULT_MARKDOWN, updatedAt: null };
}

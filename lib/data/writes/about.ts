import type { ActionResult } from "@/lib/actions/result";
import { readAboutText } from "@/lib/data/reads/about";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import type { Db } from "@/lib/db/create-client";
import type { AboutPageInput } from "@/lib/validation/about";

// The /about text, one row (id 1), written by an admin from app/admin/about/. Saving the text already shown writes
// nothing and says so. The AuditEvent keeps the text before and after: the page says who publishes the site, so a
// change to it must be traceable.

export async function saveAboutText(
  db: Db,
  admin: Editor,
  input: AboutPageInput,
): Promise<ActionResult<{ changed: boolean }>> {
  const before = await readAboutText(db);
  if (before.markdown === input.markdown) return { ok: true, data: { changed: false } };
  await db.$transaction(async (tx) => {
    await tx.aboutPage.upsert({
      where: { id: 1 },
      create: { id: 1, markdown: input.markdown, updatedById: admin.id },
      update: { markdown: input.markdown, updatedById: admin.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      userId: admin.id,
      entity: "AboutPage",
      entityId: 1,
      action: "update",
      changes: { markdown: [before.markdown, input.markdown] },
    });
  });
  return { ok: true, data: { changed: true } };
}

import type { Db } from "@/lib/db/create-client";
import type { ActionResult } from "@/lib/actions/result";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { diffFields, recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import type { DeskSettingsInput } from "@/lib/validation/desk-settings";

// The desk's settings, one row (id 1), written by an admin from app/admin/settings/. Saving what is already in force
// writes nothing (no AuditEvent without a change) and says so.

export async function saveDeskSettings(
  db: Db,
  admin: Editor,
  input: DeskSettingsInput,
): Promise<ActionResult<{ changed: boolean }>> {
  const before = await readDeskSettings(db);
  const changes = diffFields(before, input);
  if (Object.keys(changes).length === 0) return { ok: true, data: { changed: false } };
  await db.$transaction(async (tx) => {
    await tx.deskSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...input, updatedById: admin.id },
      update: { ...input, updatedById: admin.id },
      select: { id: true },
    });
    await recordAudit(tx, { userId: admin.id, entity: "DeskSettings", entityId: 1, action: "update", changes });
  });
  return { ok: true, data: { changed: true } };
}

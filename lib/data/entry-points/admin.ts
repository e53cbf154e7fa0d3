import "server-only";
import { requireRole } from "@/lib/auth/session";
import { readAboutText } from "@/lib/data/reads/about";
import { auditVocabulary, listAuditEvents } from "@/lib/data/reads/audit-log";
import { listChecklistSteps } from "@/lib/data/reads/checklist";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { listDeskSettingsChanges } from "@/lib/data/reads/desk-settings-history";
import { getUser, listUsers } from "@/lib/data/writes/users";
import { db } from "@/lib/db/client";
import type { AuditFilters } from "@/lib/validation/audit-filters";

// The admin pages' entry points to their data. Each one checks the role itself: a layout and its page render
// side by side, so the layout's check alone would not stop a page's query from running.

export async function readUsers(params: { q?: string; page: number }) {
  await requireRole("ADMIN");
  return listUsers(await db(), params);
}

export async function readUser(id: number) {
  await requireRole("ADMIN");
  return getUser(await db(), id);
}

export async function readAuditLog(filters: AuditFilters) {
  await requireRole("ADMIN");
  const client = await db();
  const [log, vocabulary] = await Promise.all([listAuditEvents(client, filters), auditVocabulary(client)]);
  return { ...log, ...vocabulary };
}

export async function readChecklistSteps() {
  await requireRole("ADMIN");
  return listChecklistSteps(await db());
}

export async function readDeskSettingsPage() {
  await requireRole("ADMIN");
  const client = await db();
  const [settings, changes] = await Promise.all([readDeskSettings(client), listDeskSettingsChanges(client)]);
  return { settings, changes };
}

export async function readAboutEditor() {
  await requireRole("ADMIN");
  return readAboutText(await db());
}

"use server";

import { runAction } from "@/lib/actions/run-action";
import { saveDeskSettings } from "@/lib/data/writes/desk-settings";
import { DeskSettingsSchema, type DeskSettingsInput } from "@/lib/validation/desk-settings";

// The desk's settings, admins only. "readers": the methodology page says which review rule is in force, so the
// reader pages are expired along with the change.
export async function saveDeskSettingsAction(input: DeskSettingsInput) {
  return runAction(
    { role: "ADMIN", schema: DeskSettingsSchema, write: saveDeskSettings, invalidate: "readers" },
    input,
  );
}

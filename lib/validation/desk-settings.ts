import { z } from "zod";
import { checkbox } from "@/lib/validation/fields";

// The desk's settings form (app/admin/settings/): whether a second editor reviews verdicts, publications and
// retractions, and after how many days a claim In review counts as stale in the work queue. Client-safe.

export const STALE_DAYS_MIN = 1;
export const STALE_DAYS_MAX = 60;

const daysMessage = `Enter a whole number of days from ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}.`;

/** An input gives "7"; the action gets 7 back from the form's output. Anything but plain digits stays as it is. */
const days = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v.trim()) : v),
  z
    .number({ error: daysMessage })
    .int({ error: daysMessage })
    .min(STALE_DAYS_MIN, { error: daysMessage })
    .max(STALE_DAYS_MAX, { error: daysMessage }),
);

export const DeskSettingsSchema = z.object({
  reviewRequired: checkbox("Review by a second editor"),
  staleReviewDays: days,
});
export type DeskSettingsInput = z.output<typeof DeskSettingsSchema>;

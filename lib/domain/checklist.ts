import { STATUS_INFO, isFinalStatus, type ClaimStatus } from "@/lib/domain/vocabulary";

// The verification checklist's rules (docs/editing.md, Verification checklist), in one place for the admin's schema,
// the writes, the status form and the status write. Client-safe: the status form warns in the browser too.

/** A step's name is a short instruction, shown beside a tick box on every claim. */
export const STEP_NAME_MAX = 120;

/** The steps a new database starts with (prisma/seed-story.ts); admins add, rename, reorder and retire them. */
export const SEED_STEPS = [
  "Locate the original statement",
  "Geolocate",
  "Contact the claimant",
  "Find an independent source",
] as const;

/**
 * A final verdict with steps still open is allowed — a desk may have good reason — but it is said, on the status
 * form before saving and in the status action's result. null when there is nothing to say.
 */
export function openStepsWarning(status: ClaimStatus, openSteps: readonly string[]): string | null {
  if (!isFinalStatus(status) || openSteps.length === 0) return null;
  const label = STATUS_INFO[status].label;
  const list = openSteps.map((s) => `“${s}”`).join(", ");
  return openSteps.length === 1
    ? `${label} is a final verdict, but 1 verification step is still open: ${list}.`
    : `${label} is a final verdict, but ${openSteps.length} verification steps are still open: ${list}.`;
}

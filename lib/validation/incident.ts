import { z } from "zod";
import { DatePrecision, isFutureDay } from "@/lib/domain/claim-date";
import { LocationPrecision, coordinateProblems } from "@/lib/domain/incident-place";
import { SLUG_MAX } from "@/lib/domain/slug";
import { slugPattern } from "@/lib/validation/claim-filters";
import { day, optionalText, recordId, requiredText, versionField } from "@/lib/validation/fields";

// The incident form, for creating and for editing, and attaching a claim to an incident. Client-safe: the form and
// the Server Action parse the same schema; the import's incidents use incidentFieldRules too.

export const INCIDENT_TITLE_MAX = 200;
export const INCIDENT_LOCATION_MAX = 200;
export const INCIDENT_DESCRIPTION_MAX = 4000;

export const INCIDENT_FUTURE_DATE_MESSAGE =
  "The incident's date cannot be later than today (UTC). If only the month or year is known, choose that precision.";

function blankTrim(v: unknown) {
  if (typeof v === "string") return v.trim() || undefined;
  return v === null ? undefined : v;
}

/** A coordinate typed into a text input: decimal degrees ("34.52", "-69.1"); anything else is refused, not guessed. */
function decimalDegrees(v: unknown) {
  const value = blankTrim(v);
  return typeof value === "string" && /^[-+]?\d{1,3}(\.\d{1,10})?$/.test(value) ? Number(value) : value;
}

const coordinate = (label: string) =>
  z.preprocess(
    decimalDegrees,
    z
      .number({ error: `${label}: enter decimal degrees such as 34.52, or leave it empty.` })
      .refine(Number.isFinite, { error: `${label}: enter decimal degrees such as 34.52, or leave it empty.` })
      .optional(),
  );

/** The rule of each of the incident's own fields. */
export const incidentFieldRules = {
  title: requiredText("The title", INCIDENT_TITLE_MAX),
  date: day("The date").refine((d) => !isFutureDay(d), { error: INCIDENT_FUTURE_DATE_MESSAGE }),
  datePrecision: z.preprocess(
    blankTrim,
    z.enum(DatePrecision, { error: "Choose how precisely the date is known." }).default("DAY"),
  ),
  location: requiredText("The place", INCIDENT_LOCATION_MAX),
  locationPrecision: z.preprocess(
    blankTrim,
    z.enum(LocationPrecision, { error: "Choose how precisely the place is known." }),
  ),
  latitude: coordinate("Latitude"),
  longitude: coordinate("Longitude"),
  description: optionalText("What happened", INCIDENT_DESCRIPTION_MAX),
};

type Place = { latitude?: unknown; longitude?: unknown };

/** Both coordinates or neither, each within its range (lib/domain/incident-place.ts). */
function coordinatesTogether(value: Place, ctx: z.RefinementCtx) {
  for (const p of coordinateProblems(value.latitude, value.longitude))
    ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
}

/**
 * Runs even when other fields failed (zod skips an object's refinements after an issue by default), so every
 * coordinate problem shows at once with the rest. It reads the coordinates as parsed so far, which may be text.
 */
export const REFINE_ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
};

const slug = z.preprocess(
  blankTrim,
  z
    .string({ error: "The slug must be text." })
    .max(SLUG_MAX + 20, { error: `The slug is limited to ${SLUG_MAX + 20} characters.` })
    .regex(slugPattern, { error: "Use lower-case letters, digits and single hyphens, e.g. strike-on-a-market." })
    .optional(),
);

export const IncidentCreateSchema = z
  .object({ slug, ...incidentFieldRules })
  .superRefine(coordinatesTogether, REFINE_ALWAYS);
export type IncidentCreateInput = z.output<typeof IncidentCreateSchema>;

/** `version` is the incident's version the page holds: a save made after someone else's is refused, not merged. */
export const IncidentUpdateSchema = z
  .object({ incidentId: recordId("an incident"), version: versionField, ...incidentFieldRules })
  .superRefine(coordinatesTogether, REFINE_ALWAYS);
export type IncidentUpdateInput = z.output<typeof IncidentUpdateSchema>;

/** An existing claim, named by its slug or pasted as its address (/claims/<slug>), joins the incident. */
export const AttachClaimSchema = z.object({
  incidentId: recordId("an incident"),
  claim: z.preprocess(
    (v) => {
      const value = blankTrim(v);
      if (typeof value !== "string") return value;
      const inPath = /\/claims\/([^/?#]+)\/?(?:[?#].*)?$/.exec(value);
      return (inPath?.[1] ?? value).toLowerCase();
    },
    z
      .string({ error: "Enter the claim's slug or paste its address." })
      .max(SLUG_MAX + 20, { error: "That is not a claim's slug or address." })
      .regex(slugPattern, { error: "That is not a claim's slug or address (e.g. kabul-denies-harbouring-ttp)." }),
  ),
});
export type AttachClaimInput = z.output<typeof AttachClaimSchema>;

export const DetachClaimSchema = z.object({
  incidentId: recordId("an incident"),
  claimId: recordId("a claim"),
});
export type DetachClaimInput = z.output<typeof DetachClaimSchema>;

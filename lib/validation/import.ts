import { z } from "zod";
import { aboutProblem } from "@/lib/domain/claim-about";
import { NOTE_MAX } from "@/lib/domain/note-rules";
import { pickClaimValues } from "@/lib/domain/claim-fields";
import { SLUG_MAX } from "@/lib/domain/slug";
import { ActorSchema } from "@/lib/validation/actor";
import { ClaimCreateSchema, claimFieldRules } from "@/lib/validation/claim";
import { slugPattern } from "@/lib/validation/claim-filters";
import { optionalText, requiredText, text } from "@/lib/validation/fields";
import { FigureSchema } from "@/lib/validation/figure";
import { REFINE_ALWAYS, incidentFieldRules } from "@/lib/validation/incident";
import {
  LEGACY_GEO_PRECISION,
  LOCATION_PRECISIONS,
  LocationPrecision,
  coordinateProblems,
} from "@/lib/domain/incident-place";
import { LinkSchema } from "@/lib/validation/link";
import { AttachSourceSchema, NewSourceSchema } from "@/lib/validation/source";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { RATIONALE_MAX } from "@/lib/domain/verdict";
import { ClaimStatus } from "@/lib/domain/vocabulary";

// One record of an import file (lib/data-io/import.ts), built from the editor forms' own schemas: the same field
// rules, and each form's cross-field rules (min ≤ max, a protected source needs a reason…) run by the form schema
// itself. What differs is how records point at each other: a form picks ids from lists, a file names things by
// slug (actors, incidents, claims) or by its own source key. Client-safe: the upload form uses the size limit.

export const EXPORT_FORMAT = "claimwatch-export";
export const EXPORT_VERSION = 1;

/** Uploads through /admin/import; refused before anything is parsed. */
export const IMPORT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const importTooLarge = `The file is larger than ${IMPORT_UPLOAD_MAX_BYTES / 1024 / 1024} MB. Split it, or import it on the server with npm run db:import.`;

/** Far more than a newsroom writes about one claim; bounds the work one record can ask for. */
const PER_CLAIM_MAX = 500;

const IDS = { claimId: 1, version: 1 };

function slugRef(what: string) {
  return z
    .string({ error: `Give the slug of ${what}.` })
    .trim()
    .min(1, { error: `Give the slug of ${what}.` })
    .max(SLUG_MAX + 20, { error: `A slug is limited to ${SLUG_MAX + 20} characters.` })
    .regex(slugPattern, {
      error: "A slug has lower-case letters, digits and single hyphens, e.g. ttp-sanctuaries-denied.",
    });
}

const sourceKey = (what: string) =>
  text("A source key", `Give the key of ${what} (the "key" of an entry in "sources").`)
    .trim()
    .min(1, { error: `Give the key of ${what} (the "key" of an entry in "sources").` })
    .max(200, { error: "A source key is limited to 200 characters." });

const synthetic = z.boolean({ error: "synthetic is true or false." }).optional();

/**
 * Runs an editor form's schema on a record's values (already parsed with the same form's field rules), so the form's
 * cross-field rules hold for imported records too. `toForm` supplies the ids the form carries and the file does not
 * (the file names those things by slug); `renamed` maps a form field back to the record's name for it. Parsing
 * twice measured faster than parsing once through a transform: zod compiles plain objects into a fast path.
 */
function formRules<T>(form: z.ZodType, toForm: (value: T) => unknown, renamed: Record<string, string> = {}) {
  return (value: T, ctx: z.RefinementCtx) => {
    const result = form.safeParse(toForm(value));
    if (result.success) return;
    // zod runs refinements even after field issues it can continue past (a bad URL, say): a field that already
    // has its issue does not get the form's again.
    const reported = new Set(ctx.issues.map((i) => (i.path ?? []).join(".")));
    for (const issue of result.error.issues) {
      const [head, ...rest] = issue.path;
      const path = typeof head === "string" && head in renamed ? [renamed[head] as string, ...rest] : issue.path;
      if (!reported.has(path.join("."))) ctx.addIssue({ code: "custom", path, message: issue.message });
    }
  };
}

const actorForm = ActorSchema.shape;
export const ImportActorSchema = z.strictObject({
  slug: slugRef("the actor"),
  name: actorForm.name,
  kind: actorForm.kind,
  country: actorForm.country,
  side: actorForm.side,
  sameAs: actorForm.sameAs,
  description: optionalText("The description", 2000),
  /** shown to readers without a published claim (lib/data/reads/public-actor.ts) */
  published: z.boolean({ error: "published is true or false." }).optional(),
  synthetic,
});
export type ImportActor = z.output<typeof ImportActorSchema>;

/**
 * An incident as the editor's form takes it (lib/validation/incident.ts). Files exported before incidents had a
 * place precision in words carry `geoPrecision` 1/2/3 instead, read as town, district, province.
 */
export const ImportIncidentSchema = z
  .strictObject({
    slug: slugRef("the incident"),
    title: incidentFieldRules.title,
    date: incidentFieldRules.date,
    datePrecision: incidentFieldRules.datePrecision,
    location: incidentFieldRules.location,
    locationPrecision: z.preprocess(
      (v) => (v === null ? undefined : v),
      z.enum(LocationPrecision, { error: `locationPrecision is one of ${LOCATION_PRECISIONS.join(", ")}.` }).optional(),
    ),
    geoPrecision: z
      .union([z.literal(1), z.literal(2), z.literal(3)], {
        error: "geoPrecision is 1 (town), 2 (district) or 3 (province); newer files use locationPrecision.",
      })
      .optional(),
    latitude: incidentFieldRules.latitude,
    longitude: incidentFieldRules.longitude,
    description: incidentFieldRules.description,
  })
  .superRefine((value, ctx) => {
    // Without `when`, zod skips this after another field's issue: each record's problems are listed at once.
    if (!value.locationPrecision && value.geoPrecision === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["locationPrecision"],
        message: `Say how precisely the place is known: locationPrecision, one of ${LOCATION_PRECISIONS.join(", ")}.`,
      });
    for (const p of coordinateProblems(value.latitude, value.longitude))
      ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  }, REFINE_ALWAYS)
  .transform(({ geoPrecision, locationPrecision, ...rest }) => ({
    ...rest,
    locationPrecision: (locationPrecision ?? LEGACY_GEO_PRECISION[geoPrecision ?? 3])!,
  }));
export type ImportIncident = z.output<typeof ImportIncidentSchema>;

const sourceForm = NewSourceSchema.shape;
export const ImportSourceSchema = z
  .strictObject({
    key: sourceKey("this source"),
    url: sourceForm.url,
    title: sourceForm.title,
    publisher: sourceForm.publisher,
    publishedAt: sourceForm.publishedAt,
    type: sourceForm.type,
    archiveUrl: sourceForm.archiveUrl,
    /** the text of the document, where it may be quoted (the seed keeps the article here) */
    excerpt: optionalText("The excerpt", 100_000),
    derivedFrom: sourceKey("the source this one repeats").optional(),
    protected: sourceForm.protected,
    protectedReason: sourceForm.protectedReason,
    synthetic,
  })
  .superRefine(
    formRules(NewSourceSchema, ({ key: _k, excerpt: _e, derivedFrom: _d, synthetic: _s, ...fields }) => fields),
  );
export type ImportSource = z.output<typeof ImportSourceSchema>;

const attachForm = AttachSourceSchema.shape;
const ImportClaimSourceSchema = z.strictObject({
  source: sourceKey("the source"),
  stance: attachForm.stance,
  note: attachForm.note,
});

const figureForm = FigureSchema.shape;
const ImportFigureSchema = z
  .strictObject({
    reportedBy: slugRef("the actor who reported the figure"),
    source: sourceKey("one of this claim's sources").optional(),
    population: figureForm.population,
    outcome: figureForm.outcome,
    min: figureForm.min,
    max: figureForm.max,
    reportedAt: figureForm.reportedAt,
    note: figureForm.note,
    noSourceReason: figureForm.noSourceReason,
  })
  // The form picks the reporter and the source by id; the file names them by slug and key.
  .superRefine(
    formRules(
      FigureSchema,
      ({ reportedBy: _r, source, ...fields }) => ({
        ...IDS,
        reportedById: 1,
        ...(source === undefined ? {} : { sourceId: 1 }),
        ...fields,
      }),
      { sourceId: "source" },
    ),
  );

const linkForm = LinkSchema.shape;
const ImportLinkSchema = z.strictObject({
  to: slugRef("the claim this one links to"),
  type: linkForm.type,
  note: linkForm.note,
});

const isoInstant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}: an ISO 8601 time such as 2026-11-25T14:30:00.000Z.` }).optional();

const statusForm = StatusChangeSchema.shape;
const ImportStatusChangeSchema = z
  .strictObject({
    from: z.enum(ClaimStatus, { error: "Choose a status." }),
    to: statusForm.status,
    rationale: statusForm.rationale,
    isCorrection: z.boolean({ error: "isCorrection is true or false." }).default(false),
    at: isoInstant("at"),
  })
  .superRefine(
    formRules(StatusChangeSchema, (c) => ({ ...IDS, status: c.to, rationale: c.rationale }), { status: "to" }),
  );

/** An internal note (lib/domain/note-rules.ts): its author by email, matched to an account on import. */
const ImportNoteSchema = z.strictObject({
  author: z.email({ error: "author is an email address." }).max(320).optional(),
  text: requiredText("The note", NOTE_MAX),
  at: z.iso.datetime({ offset: true, error: "at: an ISO 8601 time such as 2026-11-25T14:30:00.000Z." }),
  editedAt: isoInstant("editedAt"),
});

export const ImportClaimSchema = z
  .strictObject({
    slug: slugRef("the claim"),
    ...claimFieldRules,
    claimant: slugRef("the actor who made the claim"),
    incident: slugRef("the incident").optional(),
    // The actors it is about, by slug; the claim form's rule (lib/domain/claim-about.ts). Missing: left as stored.
    about: z
      .array(slugRef("an actor the claim is about"), { error: "about is a list of actor slugs." })
      .superRefine((slugs, ctx) => {
        const problem = aboutProblem(slugs);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    status: z.enum(ClaimStatus, { error: "Choose a status." }).default("UNVERIFIED"),
    statusRationale: optionalText("The status rationale", RATIONALE_MAX),
    /** false or missing: a draft, invisible to readers */
    published: z.boolean({ error: "published is true or false." }).default(false),
    /** when published; kept from the database (or the time of the import) when missing */
    publishedAt: isoInstant("publishedAt"),
    synthetic,
    // For the lists, missing means "leave what the database has"; a list given replaces it (the history appends).
    sources: z.array(ImportClaimSourceSchema, { error: "sources is a list." }).max(PER_CLAIM_MAX).optional(),
    figures: z.array(ImportFigureSchema, { error: "figures is a list." }).max(PER_CLAIM_MAX).optional(),
    links: z.array(ImportLinkSchema, { error: "links is a list." }).max(PER_CLAIM_MAX).optional(),
    statusHistory: z
      .array(ImportStatusChangeSchema, { error: "statusHistory is a list." })
      .max(PER_CLAIM_MAX)
      .optional(),
    /** editors' internal notes: appended, never rewritten, like the history */
    notes: z.array(ImportNoteSchema, { error: "notes is a list." }).max(PER_CLAIM_MAX).optional(),
  })
  .superRefine((claim, ctx) => {
    if (!claim.published && claim.publishedAt) {
      ctx.addIssue({
        code: "custom",
        path: ["publishedAt"],
        message: "A draft (published: false) has no publishedAt.",
      });
    }
  })
  .superRefine(
    formRules(ClaimCreateSchema, (c) => ({
      ...pickClaimValues(c),
      // The form picks the claimant by id; the file names it by slug, which the import resolves.
      claimant: { mode: "existing", actorId: 1 },
    })),
  );
export type ImportClaim = z.output<typeof ImportClaimSchema>;
export type ImportFigure = z.output<typeof ImportFigureSchema>;
export type ImportLink = z.output<typeof ImportLinkSchema>;
export type ImportStatusChange = z.output<typeof ImportStatusChangeSchema>;
export type ImportClaimSource = z.output<typeof ImportClaimSourceSchema>;

/** The upload form on /admin/import; its route (app/admin/import/upload/route.ts) parses the same schema. */
export const ImportUploadSchema = z.object({
  file: z.preprocess(
    // A file input gives a FileList in the browser; the action receives the File itself.
    (v) => (v && typeof v === "object" && "item" in v && "length" in v ? (v as FileList)[0] : v),
    z
      .instanceof(File, { error: "Choose a .json or .csv file to import." })
      .refine((f) => f.size > 0, { error: "This file is empty." })
      .refine((f) => f.size <= IMPORT_UPLOAD_MAX_BYTES, { error: importTooLarge }),
  ),
  dryRun: z.boolean({ error: "Dry run: tick the box or leave it empty." }),
});
export type ImportUploadInput = z.output<typeof ImportUploadSchema>;

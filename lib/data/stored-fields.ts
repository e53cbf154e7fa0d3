import { claimFieldSelect } from "@/lib/domain/claim-fields";

// The stored fields of each record the import reads and the export writes, without relations: one list per model,
// so a new column reaches the editor, the import, the export and the seed's upserts (prisma/upserts.ts) alike.

export const claimFieldsSelect = {
  id: true,
  slug: true,
  ...claimFieldSelect,
  claimantId: true,
  incidentId: true,
  status: true,
  statusRationale: true,
  publishedAt: true,
  synthetic: true,
} as const;

export const actorFieldsSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  country: true,
  side: true,
  sameAs: true,
  description: true,
  published: true,
  synthetic: true,
} as const;

export const incidentFieldsSelect = {
  id: true,
  slug: true,
  title: true,
  date: true,
  datePrecision: true,
  location: true,
  locationPrecision: true,
  latitude: true,
  longitude: true,
  description: true,
} as const;

/** What a page shows of a source (readers get protected ones withheld by the page, editors see them in full). */
export const sourceCardSelect = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  publishedAt: true,
  type: true,
  archiveUrl: true,
  protected: true,
  protectedReason: true,
} as const;

export const sourceFieldsSelect = { ...sourceCardSelect, excerpt: true, derivedFromId: true, synthetic: true } as const;

/** What a casualty figure counts and says, without its references: every read of a figure starts from these. */
export const figureNumbersSelect = {
  population: true,
  outcome: true,
  min: true,
  max: true,
  reportedAt: true,
  note: true,
  /** why no source can be named (lib/domain/figure-rules.ts); null when the figure cites one */
  noSourceReason: true,
} as const;

/** A figure's stored fields with its references as ids: the import, the export, the seed and the audit. */
export const figureFieldsSelect = {
  claimId: true,
  reportedById: true,
  sourceId: true,
  ...figureNumbersSelect,
} as const;

import { z } from "zod";
import { CATEGORIES, KINDS, STATUSES } from "@/lib/domain/vocabulary";
import { PAGE_MAX, Q_MAX, SORTS, slugPattern, type ClaimFilters } from "@/lib/validation/claim-filters";

// The arguments of the cached reader functions (lib/data/entry-points/reader.ts). Next registers every 'use cache'
// function as a server reference, so anyone can call one with a POST carrying `Next-Action: <its id>` and any
// JSON as arguments (docs/decisions/0014-cached-functions-parse-their-arguments.md). Each function parses its
// arguments with these first: primitives only, bounded, or it returns its empty result. The pages and the API
// have already checked what they pass (parseClaimFilters, lib/api/claim-params.ts), so these never refuse them.

/** The JSON API's largest page (API_PAGE_SIZE_MAX in lib/api/claim-params.ts; tests/reader-args.test.ts). */
export const READER_PAGE_SIZE_MAX = 100;
/** Longer than any slug the app makes or imports; the API's slug route checks the same bound. */
export const READER_SLUG_MAX = 200;

export const ReaderSlugArg = z.string().max(READER_SLUG_MAX).regex(slugPattern);

/** A corrections page: the path takes up to six digits (lib/http/corrections-page.ts). */
export const ReaderPageArg = z.int().min(1).max(999_999);

export const ReaderPageSizeArg = z.int().min(1).max(READER_PAGE_SIZE_MAX);

const day = z.iso.date();

export const ClaimFiltersArg = z.strictObject({
  q: z.string().max(Q_MAX).optional(),
  status: z.enum(STATUSES).optional(),
  kind: z.enum(KINDS).optional(),
  category: z.enum(CATEGORIES).optional(),
  actor: ReaderSlugArg.optional(),
  about: ReaderSlugArg.optional(),
  from: day.optional(),
  to: day.optional(),
  sort: z.enum(SORTS),
  page: z.int().min(1).max(PAGE_MAX),
}) satisfies z.ZodType<ClaimFilters>;

/** `value` when the schema accepts it as it is, else undefined (the caller answers with its empty result). */
export function readerArg<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

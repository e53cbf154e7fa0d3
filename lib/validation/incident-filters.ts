import { z } from "zod";
import { CATEGORIES, type ClaimCategory } from "@/lib/domain/vocabulary";
import { SIDE_MAX } from "@/lib/validation/actor";
import { PAGE_MAX, type FilterIssue } from "@/lib/validation/claim-filters";
import { YEAR_MAX, YEAR_MIN, yearInRange } from "@/lib/validation/fields";

// The /incidents list's query string: the incident's date range, and the category and claimants' side of its
// published claims (docs/decisions/0019-actor-sides.md). Client-safe. Never throws: a value that cannot be used is
// dropped and reported, so the page still renders.

export const INCIDENT_PAGE_SIZE = 20;

export type IncidentFilters = {
  /** inclusive day, YYYY-MM-DD, of the incident's date */
  from?: string;
  to?: string;
  category?: ClaimCategory;
  /** a claimant's side, as editors spell it (Actor.side) */
  side?: string;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const isoDay = z.iso.date();
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseIncidentFilters(params: RawParams): { filters: IncidentFilters; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const filters: IncidentFilters = { page: 1 };
  const issue = (param: string, message: string) => issues.push({ param, message });

  for (const key of ["from", "to"] as const) {
    const value = first(params[key])?.trim();
    if (!value) continue;
    if (!isoDay.safeParse(value).success)
      issue(key, `“${value.slice(0, 40)}” is not a date (use YYYY-MM-DD); it was ignored.`);
    else if (!yearInRange(value)) issue(key, `${value} is not between ${YEAR_MIN} and ${YEAR_MAX}; it was ignored.`);
    else filters[key] = value;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    issue("to", "The end date is before the start date; both dates were ignored.");
    delete filters.from;
    delete filters.to;
  }

  const category = first(params.category);
  if (category) {
    if ((CATEGORIES as string[]).includes(category)) filters.category = category as ClaimCategory;
    else issue("category", `Unknown category “${category.slice(0, 40)}” was ignored.`);
  }

  const side = first(params.side)?.replace(/\s+/g, " ").trim();
  if (side) {
    if (side.length <= SIDE_MAX) filters.side = side;
    else issue("side", `A side is at most ${SIDE_MAX} characters; it was ignored.`);
  }

  const page = first(params.page);
  if (page) {
    const n = /^\d{1,7}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= PAGE_MAX) filters.page = n;
    else issue("page", `Page “${page.slice(0, 40)}” does not exist; showing page 1.`);
  }
  return { filters, issues };
}

/** The query string of a filter set, without defaults. */
export function incidentFiltersToSearch(filters: Partial<IncidentFilters>): string {
  const sp = new URLSearchParams();
  if (filters.from) sp.set("from", filters.from);
  if (filters.to) sp.set("to", filters.to);
  if (filters.category) sp.set("category", filters.category);
  if (filters.side) sp.set("side", filters.side);
  if (filters.page && filters.page > 1) sp.set("page", String(filters.page));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** What a cached reader function accepts as filters (docs/decisions/0014-cached-functions-parse-their-arguments.md). */
export const IncidentFiltersArg = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  category: z.enum(CATEGORIES).optional(),
  side: z.string().min(1).max(SIDE_MAX).optional(),
  page: z.int().min(1).max(PAGE_MAX),
}) satisfies z.ZodType<IncidentFilters>;

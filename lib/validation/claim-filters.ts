import { z } from "zod";
import { YEAR_MAX, YEAR_MIN, yearInRange } from "@/lib/validation/fields";
import {
  CATEGORIES,
  KINDS,
  STATUSES,
  type ClaimCategory,
  type ClaimKind,
  type ClaimStatus,
} from "@/lib/domain/vocabulary";

// The reader list's query string: /claims, and the JSON and CSV API (lib/api/claim-params.ts). Client-safe.

// "relevance" orders by how well a claim matches the search words; it is the default when there are any, and
// without search words it means "newest".
export const SORTS = ["relevance", "newest", "oldest", "updated"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABEL: Record<Sort, string> = {
  relevance: "Best match first",
  newest: "Newest claims first",
  oldest: "Oldest claims first",
  updated: "Recently updated",
};

export const Q_MAX = 200;
export const PAGE_MAX = 100_000;
export const PAGE_SIZE = 20;

export type ClaimFilters = {
  q?: string;
  status?: ClaimStatus;
  /** factual claims or positions; the dashboard's status counts are of factual claims and link with kind=FACT */
  kind?: ClaimKind;
  category?: ClaimCategory;
  /** the claimant's slug */
  actor?: string;
  /** the slug of an actor the claim is about (docs/decisions/0029-claims-about-actors.md) */
  about?: string;
  /** inclusive day, YYYY-MM-DD */
  from?: string;
  /** inclusive day, YYYY-MM-DD */
  to?: string;
  sort: Sort;
  page: number;
};

/**
 * A parameter that was not applied: `message` tells a reader of the page what happened to it, `problem` says only
 * what is wrong with it (the JSON and CSV API refuse the request with it instead of ignoring the value).
 */
export type FilterIssue = { param: keyof ClaimFilters | string; message: string; problem?: string };

type RawParams = Record<string, string | string[] | undefined>;

const isoDay = z.iso.date();
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parses what a reader typed or a link carried. Never throws: a value that cannot be used is dropped and
 * reported, so the page still renders (the API turns issues into a 400).
 */
export function parseClaimFilters(params: RawParams): { filters: ClaimFilters; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const filters: ClaimFilters = { sort: "newest", page: 1 };
  const issue = (param: string, problem: string, consequence: string) =>
    issues.push({ param, problem, message: `${problem}${consequence}` });

  const q = first(params.q)?.trim().replace(/\s+/g, " ");
  if (q) {
    if (q.length > Q_MAX) {
      issue("q", `Search text is limited to ${Q_MAX} characters`, "; the rest was ignored.");
      filters.q = q.slice(0, Q_MAX);
    } else filters.q = q;
  }

  const status = first(params.status);
  if (status) {
    if ((STATUSES as string[]).includes(status)) filters.status = status as ClaimStatus;
    else issue("status", `Unknown status “${status.slice(0, 40)}”`, " was ignored.");
  }

  const kind = first(params.kind);
  if (kind) {
    if ((KINDS as string[]).includes(kind)) filters.kind = kind as ClaimKind;
    else issue("kind", `Unknown kind “${kind.slice(0, 40)}”`, " was ignored.");
  }

  const category = first(params.category);
  if (category) {
    if ((CATEGORIES as string[]).includes(category)) filters.category = category as ClaimCategory;
    else issue("category", `Unknown category “${category.slice(0, 40)}”`, " was ignored.");
  }

  for (const key of ["actor", "about"] as const) {
    const value = first(params[key]);
    if (!value) continue;
    if (value.length <= 100 && slugPattern.test(value)) filters[key] = value;
    else issue(key, `“${value.slice(0, 40)}” is not an actor`, "; it was ignored.");
  }

  for (const key of ["from", "to"] as const) {
    const value = first(params[key]);
    if (!value) continue;
    if (!isoDay.safeParse(value).success)
      issue(key, `“${value.slice(0, 40)}” is not a date (use YYYY-MM-DD)`, "; it was ignored.");
    else if (!yearInRange(value))
      issue(key, `${value} is not between ${YEAR_MIN} and ${YEAR_MAX}`, "; it was ignored.");
    else filters[key] = value;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    issue("to", "The end date is before the start date", "; both dates were ignored.");
    delete filters.from;
    delete filters.to;
  }

  const sort = first(params.sort);
  if (sort && (SORTS as readonly string[]).includes(sort)) filters.sort = sort as Sort;
  else {
    if (sort) issue("sort", `Unknown sort “${sort.slice(0, 40)}”`, " was ignored.");
    filters.sort = defaultSort(filters);
  }

  const page = first(params.page);
  if (page) {
    const n = /^\d{1,7}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= PAGE_MAX) filters.page = n;
    else issue("page", `Page “${page.slice(0, 40)}” does not exist`, "; showing page 1.");
  }

  return { filters, issues };
}

/** Best match first when searching, newest first otherwise. */
export function defaultSort(filters: Pick<ClaimFilters, "q">): Sort {
  return filters.q ? "relevance" : "newest";
}

/** The order a list is really in: "relevance" without search words means newest first. */
export function effectiveSort(filters: Pick<ClaimFilters, "q" | "sort">): Sort {
  return filters.sort === "relevance" && !filters.q ? "newest" : filters.sort;
}

/** The query string for a filter set, leaving out defaults so links stay short and shareable. */
export function filtersToSearch(filters: Partial<ClaimFilters>): string {
  const sp = new URLSearchParams();
  if (filters.q) sp.set("q", filters.q);
  if (filters.status) sp.set("status", filters.status);
  if (filters.kind) sp.set("kind", filters.kind);
  if (filters.category) sp.set("category", filters.category);
  if (filters.actor) sp.set("actor", filters.actor);
  if (filters.about) sp.set("about", filters.about);
  if (filters.from) sp.set("from", filters.from);
  if (filters.to) sp.set("to", filters.to);
  if (filters.sort && effectiveSort({ q: filters.q, sort: filters.sort }) !== defaultSort(filters))
    sp.set("sort", filters.sort);
  if (filters.page && filters.page > 1) sp.set("page", String(filters.page));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

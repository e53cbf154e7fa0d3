import { PAGE_SIZE, parseClaimFilters, type ClaimFilters, type FilterIssue } from "@/lib/validation/claim-filters";
import { CATEGORIES, KINDS, STATUSES } from "@/lib/domain/vocabulary";

// The query string of /api/claims and /api/claims.csv: the list page's filters, read strictly. Where the page
// ignores a value it cannot use and says so, the API refuses the request and names every bad parameter.

export const API_PAGE_SIZE_MAX = 100;
const FILTER_PARAMS = ["q", "status", "kind", "category", "actor", "about", "from", "to", "sort"] as const;
const PAGE_PARAMS = ["page", "pageSize"] as const;

const EXPECTED: Record<string, string> = {
  status: `; expected one of ${STATUSES.join(", ")}`,
  kind: `; expected one of ${KINDS.join(", ")}`,
  category: `; expected one of ${CATEGORIES.join(", ")}`,
  sort: "; expected one of relevance, newest, oldest, updated",
  page: "; pages are numbered from 1 to 100000",
};

export type ApiParamIssue = { param: string; message: string };
export type ApiClaimParams =
  { ok: true; filters: ClaimFilters; pageSize: number } | { ok: false; issues: ApiParamIssue[] };

/** `paged`: the JSON list takes page and pageSize; the CSV export has every matching row and takes neither. */
export function parseApiClaimParams(search: URLSearchParams, { paged }: { paged: boolean }): ApiClaimParams {
  const known: readonly string[] = paged ? [...FILTER_PARAMS, ...PAGE_PARAMS] : FILTER_PARAMS;
  const issues: ApiParamIssue[] = [];
  const raw: Record<string, string> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (!known.includes(name)) {
      const hint = PAGE_PARAMS.includes(name as (typeof PAGE_PARAMS)[number])
        ? " (the CSV export has every matching claim)"
        : "";
      issues.push({ param: name, message: `Unknown parameter${hint}; the parameters are ${known.join(", ")}.` });
    } else if (values.length > 1) issues.push({ param: name, message: "Given more than once." });
    else raw[name] = values[0] ?? "";
  }

  const { filters, issues: filterIssues } = parseClaimFilters(raw);
  issues.push(
    ...filterIssues.map((i: FilterIssue) => ({
      param: i.param,
      message: `${i.problem ?? i.message}${EXPECTED[i.param] ?? ""}.`,
    })),
  );

  let pageSize = PAGE_SIZE;
  if (raw.pageSize !== undefined) {
    const n = /^\d{1,3}$/.test(raw.pageSize) ? Number(raw.pageSize) : NaN;
    if (n >= 1 && n <= API_PAGE_SIZE_MAX) pageSize = n;
    else issues.push({ param: "pageSize", message: `pageSize must be a whole number from 1 to ${API_PAGE_SIZE_MAX}.` });
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, filters, pageSize };
}

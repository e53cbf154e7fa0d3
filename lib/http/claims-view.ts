import { filtersToSearch, parseClaimFilters } from "@/lib/validation/claim-filters";

// The claims list without search words depends only on its filters, so proxy.ts shows such a request through a path
// of its own, /claims/view/<filters>, which the page cache keeps like a claim page (docs/decisions/0011-page-cache.md).
// The reader's URL stays /claims?…; links, the filter form and pagination keep using it. Requests with `q` (the
// full-text search) or with a value the list ignores (its notice says so) still render per request, through
// /claims/view/search?… (no claim slug can clash: claim pages are one segment below /claims).

export const VIEW_PREFIX = "/claims/view/";
/** The per-request list (app/(public)/claims/view/search/page.tsx); the query string goes with it. */
export const SEARCH_PATH = "/claims/view/search";
/** The path segment of the list with no filters at all. */
const ALL = "all";

type RawParams = Record<string, string | string[] | undefined>;

function raw(searchParams: URLSearchParams): RawParams {
  const params: RawParams = {};
  for (const key of new Set(searchParams.keys())) params[key] = searchParams.getAll(key);
  return params;
}

/** Where proxy.ts shows a GET of /claims: a cached view, or the per-request list with the same query string. */
export function claimsListPath(searchParams: URLSearchParams): string {
  const query = searchParams.toString();
  return claimsViewPath(searchParams) ?? `${SEARCH_PATH}${query ? `?${query}` : ""}`;
}

/**
 * The cached view a GET of /claims is shown through, or null when it renders per request. Equivalent queries
 * (parameters in another order, a default spelled out, a tracking parameter the list ignores) share one view.
 */
export function claimsViewPath(searchParams: URLSearchParams): string | null {
  if (searchParams.get("q")?.trim()) return null;
  const { filters, issues } = parseClaimFilters(raw(searchParams));
  if (issues.length > 0) return null;
  const search = filtersToSearch(filters).slice(1);
  return `${VIEW_PREFIX}${search ? encodeURIComponent(search) : ALL}`;
}

/**
 * The canonical address of a list: /claims with the filters the page applies, in one order and without defaults
 * (filtersToSearch), so equivalent queries name one URL and a value the list ignores is left out. The page number
 * stays: each page lists other claims (docs/reader-pages.md, Canonical links).
 */
export function claimsCanonical(params: RawParams): string {
  return `/claims${filtersToSearch(parseClaimFilters(params).filters)}`;
}

/** The filters of a view's path segment, as the list page reads a query string. */
export function viewParams(segment: string): RawParams {
  if (segment === ALL) return {};
  // Next hands the segment over decoded; decoding again only if it did not is safe, as no value the list accepts
  // holds a "%" (a value with one is ignored, so its request never comes here).
  let text = segment;
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return {};
    }
  }
  return raw(new URLSearchParams(text));
}

import type { NextRequest } from "next/server";
import { parseApiClaimParams } from "@/lib/api/claim-params";
import { toApiClaim } from "@/lib/api/claim-json";
import { apiError, cachedJson } from "@/lib/api/responses";
import { readActor, readClaimList } from "@/lib/data/entry-points/reader";

// GET /api/claims: the published claims with the list page's filters, paginated (docs/api.md).
// Reading request.nextUrl makes the handler run per request; the data underneath is the page's cached read.
export async function GET(request: NextRequest) {
  const params = parseApiClaimParams(request.nextUrl.searchParams, { paged: true });
  if (!params.ok) return apiError(400, "Some parameters cannot be used.", params.issues);
  const { filters, pageSize } = params;
  for (const param of ["actor", "about"] as const) {
    const slug = filters[param];
    if (slug && !(await readActor(slug)))
      return apiError(400, "Some parameters cannot be used.", [{ param, message: `There is no actor “${slug}”.` }]);
  }
  const result = await readClaimList(filters, pageSize);
  return cachedJson(request, {
    data: result.claims.map(toApiClaim),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    // true when `total` is a lower bound: a search with filters counts no further than RANK_WINDOW (docs/api.md).
    totalIsEstimate: result.totalIsEstimate,
    pageCount: result.pageCount,
  });
}

import type { NextRequest } from "next/server";
import { apiError, cachedJson } from "@/lib/api/responses";
import { toApiWithdrawal } from "@/lib/api/withdrawal-json";
import { parseWithdrawalParams } from "@/lib/api/withdrawal-params";
import { readWithdrawals } from "@/lib/data/entry-points/reader";

// GET /api/withdrawals: the claims we published and then withdrew, newest withdrawal first, paginated (docs/api.md).
// Reading request.nextUrl makes the handler run per request; the data underneath is a cached read.
export async function GET(request: NextRequest) {
  const params = parseWithdrawalParams(request.nextUrl.searchParams);
  if (!params.ok) return apiError(400, "Some parameters cannot be used.", params.issues);
  const result = await readWithdrawals(params.page, params.pageSize);
  return cachedJson(request, {
    data: result.withdrawals.map(toApiWithdrawal),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pageCount: result.pageCount,
  });
}

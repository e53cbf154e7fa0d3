import type { NextRequest } from "next/server";
import { toApiClaimDetail } from "@/lib/api/claim-json";
import { apiError, cachedJson } from "@/lib/api/responses";
import { readClaim } from "@/lib/data/entry-points/reader";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /api/claims/[slug]: one published claim with its sources (protected ones withheld, as on the claim page),
// figures, links and status history.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const claim = slug.length <= 200 && slugPattern.test(slug) ? await readClaim(slug) : null;
  if (!claim) return apiError(404, `There is no published claim “${slug.slice(0, 80)}”.`);
  return cachedJson(request, { data: toApiClaimDetail(claim) });
}

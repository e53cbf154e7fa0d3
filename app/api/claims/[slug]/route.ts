import type { NextRequest } from "next/server";
import { toApiClaimDetail } from "@/lib/api/claim-json";
import { apiError, cachedJson } from "@/lib/api/responses";
import { toApiWithdrawal } from "@/lib/api/withdrawal-json";
import { readClaim, readWithdrawnClaim } from "@/lib/data/entry-points/reader";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /api/claims/[slug]: one published claim with its sources (protected ones withheld, as on the claim page),
// figures, links and status history. A claim we withdrew answers 410 with what was withdrawn and why
// (docs/decisions/0022-withdrawn-claims-answer-410.md); a draft, like an unknown slug, answers 404.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const valid = slug.length <= 200 && slugPattern.test(slug);
  const claim = valid ? await readClaim(slug) : null;
  if (!claim) {
    const withdrawn = valid ? await readWithdrawnClaim(slug) : null;
    if (withdrawn) {
      return apiError(410, `We withdrew the claim “${slug}”.`, [], { withdrawn: toApiWithdrawal(withdrawn) });
    }
    return apiError(404, `There is no published claim “${slug.slice(0, 80)}”.`);
  }
  return cachedJson(request, { data: toApiClaimDetail(claim) });
}

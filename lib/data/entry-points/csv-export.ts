import "server-only";
import { listPublishedClaimIds, listPublishedClaimsByIds } from "@/lib/data/reads/claims";
import { db } from "@/lib/db/client";
import type { ClaimFilters } from "@/lib/validation/claim-filters";

// The CSV export's reads (app/api/claims.csv/route.ts). Not cached with 'use cache': an export can hold 100,000
// rows, so the route reads the matching ids first (numbers only), then the rows a batch at a time as it streams.

export async function readPublishedClaimIds(filters: Omit<ClaimFilters, "page">) {
  return listPublishedClaimIds(await db(), filters);
}

export async function readPublishedClaimsByIds(ids: number[]) {
  return listPublishedClaimsByIds(await db(), ids);
}

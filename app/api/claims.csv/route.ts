import type { NextRequest } from "next/server";
import { parseApiClaimParams } from "@/lib/api/claim-params";
import { toApiClaim, type ApiClaim } from "@/lib/api/claim-json";
import { CDN_CACHE_CONTROL, apiError } from "@/lib/api/responses";
import { CSV_BOM, csvRow, type CsvValue } from "@/lib/csv/write";
import { readPublishedClaimIds, readPublishedClaimsByIds } from "@/lib/data/entry-points/csv-export";
import { readActor } from "@/lib/data/entry-points/reader";

// GET /api/claims.csv: every published claim the filters match (the list's filters, without paging), in the list's
// order. Not cached with 'use cache': an export can hold 100,000 rows. It is streamed: the matching ids are read
// first (numbers only), then the rows BATCH at a time as the client reads, so memory stays bounded.

const BATCH = 1000;

/** Columns: the JSON API's field names, the claimant flattened. */
const COLUMNS: [string, (c: ApiClaim) => CsvValue][] = [
  ["slug", (c) => c.slug],
  ["url", (c) => c.url],
  ["statement", (c) => c.statement],
  ["originalText", (c) => c.originalText],
  ["originalLanguage", (c) => c.originalLanguage],
  ["category", (c) => c.category],
  ["kind", (c) => c.kind],
  ["status", (c) => c.status],
  ["statusLabel", (c) => c.statusLabel],
  ["rating", (c) => c.rating],
  ["statusRationale", (c) => c.statusRationale],
  ["claimantSlug", (c) => c.claimant.slug],
  ["claimantName", (c) => c.claimant.name],
  ["claimantCountry", (c) => c.claimant.country],
  ["claimantSide", (c) => c.claimant.side],
  ["claimedAt", (c) => c.claimedAt],
  ["claimedAtPrecision", (c) => c.claimedAtPrecision],
  ["claimedAtKnown", (c) => c.claimedAtKnown],
  ["location", (c) => c.location],
  ["updatedAt", (c) => c.updatedAt],
  // Last, so readers of the columns by position keep working: the slugs of the actors the claim is about, separated
  // by spaces (slugs hold none).
  ["about", (c) => c.about.map((a) => a.slug).join(" ")],
];

export async function GET(request: NextRequest) {
  const params = parseApiClaimParams(request.nextUrl.searchParams, { paged: false });
  if (!params.ok) return apiError(400, "Some parameters cannot be used.", params.issues);
  const { filters } = params;
  for (const param of ["actor", "about"] as const) {
    const slug = filters[param];
    if (slug && !(await readActor(slug)))
      return apiError(400, "Some parameters cannot be used.", [{ param, message: `There is no actor “${slug}”.` }]);
  }
  const ids = await readPublishedClaimIds(filters);
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(COLUMNS.map(([name]) => name))));
    },
    async pull(controller) {
      if (next >= ids.length) return controller.close();
      const batch = ids.slice(next, next + BATCH);
      next += BATCH;
      const claims = await readPublishedClaimsByIds(batch);
      const rows = claims.map(toApiClaim).map((claim) => csvRow(COLUMNS.map(([, value]) => value(claim))));
      controller.enqueue(encoder.encode(rows.join("")));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="claims.csv"',
      "Cache-Control": CDN_CACHE_CONTROL,
      "Access-Control-Allow-Origin": "*",
    },
  });
}

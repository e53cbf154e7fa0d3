import { connection } from "next/server";
import { CDN_CACHE_CONTROL } from "@/lib/api/responses";
import { readIncident } from "@/lib/data/entry-points/reader";
import { publisher } from "@/lib/domain/site";
import { incidentShareCard } from "@/lib/og/incident-card";
import { shareCardResponse } from "@/lib/og/share-card";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /incidents/<slug>/share-card.png: the incident's share card, drawn from the cached reader read like the claim's
// (app/(public)/claims/[slug]/share-card.png/route.ts). An unknown slug, or an incident with no published claim,
// answers 404 like its page (docs/decisions/0026-incidents.md).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const incident = slug.length <= 200 && slugPattern.test(slug) ? await readIncident(slug) : null;
  if (incident) {
    return shareCardResponse(incidentShareCard(incident, publisher().name), { "Cache-Control": CDN_CACHE_CONTROL });
  }
  return new Response("There is no published incident here.\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

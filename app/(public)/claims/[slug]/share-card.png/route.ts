import { connection } from "next/server";
import { readClaim, readWithdrawnClaim } from "@/lib/data/entry-points/reader";
import { CDN_CACHE_CONTROL } from "@/lib/api/responses";
import { publisher } from "@/lib/domain/site";
import { claimShareCard } from "@/lib/og/claim-card";
import { shareCardResponse } from "@/lib/og/share-card";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /claims/<slug>/share-card.png: the claim's share card (og:image, twitter:image), drawn from the cached reader
// read, so a write's updateTag changes it on the next request. A draft or an unknown slug answers 404 and a withdrawn
// claim 410 like its page: never an image of what readers may not see (docs/decisions/0030-share-cards.md).
// connection(): the build never reads the database (docs/decisions/0003-caching.md).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const valid = slug.length <= 200 && slugPattern.test(slug);
  const claim = valid ? await readClaim(slug) : null;
  if (claim) {
    return shareCardResponse(claimShareCard(claim, publisher().name), { "Cache-Control": CDN_CACHE_CONTROL });
  }
  const withdrawn = valid && (await readWithdrawnClaim(slug)) !== null;
  return new Response(withdrawn ? "This claim was withdrawn.\n" : "There is no published claim here.\n", {
    status: withdrawn ? 410 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";

/** The sitemap protocol's limit of URLs in one file (sitemaps.org); app/sitemap.ts stays within it. */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * What /sitemap.xml lists: public actors and published claims (never drafts, never withdrawn claims: PUBLISHED),
 * with when each last changed. Past the limit the claims changed longest ago are left out
 * (docs/reader-pages.md, Sitemap).
 */
export async function listSitemapEntries(db: Db, limit = SITEMAP_URL_LIMIT) {
  const actors = await db.actor.findMany({
    where: PUBLIC_ACTOR,
    orderBy: { id: "asc" },
    take: limit,
    select: { slug: true, updatedAt: true },
  });
  const claims = await db.claim.findMany({
    where: PUBLISHED,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: Math.max(0, limit - actors.length),
    select: { slug: true, updatedAt: true },
  });
  return { actors, claims };
}

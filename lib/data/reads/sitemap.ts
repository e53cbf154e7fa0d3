import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";
import { PUBLIC_INCIDENT } from "@/lib/data/reads/incidents";

/** The sitemap protocol's limit of URLs in one file (sitemaps.org); app/sitemap.ts stays within it. */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * What /sitemap.xml lists: public actors, public incidents (with the last change to them or their published claims)
 * and published claims (never drafts, never withdrawn claims: PUBLISHED),
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
  const incidentRows = await db.incident.findMany({
    where: PUBLIC_INCIDENT,
    orderBy: { id: "asc" },
    take: Math.max(0, limit - actors.length),
    select: {
      slug: true,
      updatedAt: true,
      claims: { where: PUBLISHED, orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });
  const incidents = incidentRows.map((i) => ({
    slug: i.slug,
    updatedAt: new Date(Math.max(i.updatedAt.getTime(), i.claims[0]?.updatedAt.getTime() ?? 0)),
  }));
  const claims = await db.claim.findMany({
    where: PUBLISHED,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: Math.max(0, limit - actors.length - incidents.length),
    select: { slug: true, updatedAt: true },
  });
  return { actors, incidents, claims };
}

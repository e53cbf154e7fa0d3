import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { readSitemapEntries } from "@/lib/data/entry-points/sitemap";
import { SITEMAP_URL_LIMIT } from "@/lib/data/reads/sitemap";
import { absoluteUrl } from "@/lib/domain/site";

// GET /sitemap.xml: the reader pages, every public actor and incident and every published claim (never a draft or a withdrawn
// claim), each with when it last changed, at SITE_URL's addresses. One file of at most 50,000 URLs
// (lib/data/reads/sitemap.ts says which claims are left out past that; docs/reader-pages.md, Sitemap). The entries
// come from the cached read, expired with every reader write; connection() keeps the database out of the build
// (docs/decisions/0003-caching.md).
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { actors, incidents, claims } = await readSitemapEntries();
  const newest = (dates: Date[]) => new Date(Math.max(0, ...dates.map((d) => d.getTime())));
  const lastClaim = newest(claims.map((c) => c.updatedAt));
  const lastIncident = newest(incidents.map((i) => i.updatedAt));
  const lastChange = newest([lastClaim, lastIncident, ...actors.map((a) => a.updatedAt)]);
  const pages: MetadataRoute.Sitemap = [
    { url: absoluteUrl("/"), lastModified: lastChange },
    { url: absoluteUrl("/claims"), lastModified: lastClaim },
    { url: absoluteUrl("/actors"), lastModified: lastChange },
    { url: absoluteUrl("/incidents"), lastModified: lastIncident },
    { url: absoluteUrl("/corrections"), lastModified: lastClaim },
    { url: absoluteUrl("/methodology"), lastModified: lastChange },
    { url: absoluteUrl("/about"), lastModified: lastChange },
  ];
  return [
    ...pages,
    ...actors.map((a) => ({ url: absoluteUrl(`/actors/${a.slug}`), lastModified: a.updatedAt })),
    ...incidents.map((i) => ({ url: absoluteUrl(`/incidents/${i.slug}`), lastModified: i.updatedAt })),
    ...claims.map((c) => ({ url: absoluteUrl(`/claims/${c.slug}`), lastModified: c.updatedAt })),
  ].slice(0, SITEMAP_URL_LIMIT);
}

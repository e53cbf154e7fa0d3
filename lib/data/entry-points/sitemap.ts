import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { READER_TAG } from "@/lib/data/cache-tags";
import { listSitemapEntries } from "@/lib/data/reads/sitemap";
import { db } from "@/lib/db/client";

// In a module of its own because it is the one cached reader function that answers with everything public at once
// (up to 50,000 URLs) whatever it is called with: e2e/cached-functions.spec.ts finds it by this file's name and
// checks it leaks no draft, instead of the one-page limit the others keep.

/** What /sitemap.xml lists (app/sitemap.ts). Takes no arguments, so a crafted call cannot steer its query. */
export async function readSitemapEntries() {
  "use cache";
  cacheLife("claims");
  cacheTag(READER_TAG);
  return listSitemapEntries(await db());
}

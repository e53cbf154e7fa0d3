import { connection } from "next/server";
import { CDN_CACHE_CONTROL } from "@/lib/api/responses";
import { readFeedChanges } from "@/lib/data/entry-points/reader";
import { env } from "@/lib/env";
import { statusChangeFeed } from "@/lib/feed/status-feed";

// GET /feed.xml: the Atom feed of status changes. connection() keeps it out of the build (which never reads the
// database, docs/decisions/0003-caching.md); the changes come from the cached read, tagged like every reader page.
export async function GET() {
  await connection();
  const { SITE_URL, PUBLISHER_NAME } = env();
  const xml = statusChangeFeed(
    await readFeedChanges(),
    { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME },
    new Date(),
  );
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

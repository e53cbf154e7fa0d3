import { connection } from "next/server";
import { CDN_CACHE_CONTROL } from "@/lib/api/responses";
import { readFeedChanges } from "@/lib/data/entry-points/reader";
import { env } from "@/lib/env";
import { statusChangeFeed } from "@/lib/feed/status-feed";

// GET /feed.xml: the Atom feed of status changes and withdrawals. connection() keeps it out of the build (which never
// reads the database, docs/decisions/0003-caching.md); the entries come from the cached read, tagged like every reader
// page.
export async function GET() {
  await connection();
  const { SITE_URL, PUBLISHER_NAME } = env();
  const { changes, withdrawals } = await readFeedChanges();
  const xml = statusChangeFeed(changes, { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME }, new Date(), withdrawals);
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

import { connection } from "next/server";
import { readClaimStory } from "@/lib/data/entry-points/reader";
import { env } from "@/lib/env";
import { atomResponse, feedNotFound } from "@/lib/feed/feed-response";
import { claimFeed } from "@/lib/feed/story-feeds";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /claims/<slug>/feed.xml: one claim's status changes, corrections and withdrawal as Atom. A draft or an unknown
// slug answers 404; a withdrawn claim's feed still answers, ending with its withdrawal (docs/api.md, Feeds).
// connection(): the build never reads the database (docs/decisions/0003-caching.md).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const story = slug.length <= 200 && slugPattern.test(slug) ? await readClaimStory(slug) : null;
  if (!story) return feedNotFound("published claim's");
  const { SITE_URL, PUBLISHER_NAME } = env();
  return atomResponse(claimFeed(story, { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME }, new Date()));
}

import { connection } from "next/server";
import { readActorStory } from "@/lib/data/entry-points/reader";
import { env } from "@/lib/env";
import { atomResponse, feedNotFound } from "@/lib/feed/feed-response";
import { actorFeed } from "@/lib/feed/story-feeds";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /actors/<slug>/feed.xml: the actor's claims as they are published, change status or are withdrawn, as Atom.
// An actor readers may not see (lib/data/reads/public-actor.ts) answers 404, like its page.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const story = slug.length <= 200 && slugPattern.test(slug) ? await readActorStory(slug) : null;
  if (!story) return feedNotFound("public actor's");
  const { SITE_URL, PUBLISHER_NAME } = env();
  return atomResponse(actorFeed(story, { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME }, new Date()));
}

import { connection } from "next/server";
import { readIncidentStory } from "@/lib/data/entry-points/reader";
import { env } from "@/lib/env";
import { atomResponse, feedNotFound } from "@/lib/feed/feed-response";
import { incidentFeed } from "@/lib/feed/story-feeds";
import { slugPattern } from "@/lib/validation/claim-filters";

// GET /incidents/<slug>/feed.xml: the incident's claims as they are published, change status or are withdrawn, as
// Atom. An incident readers may not see (no published claim, docs/decisions/0026-incidents.md) answers 404, like its
// page.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const story = slug.length <= 200 && slugPattern.test(slug) ? await readIncidentStory(slug) : null;
  if (!story) return feedNotFound("public incident's");
  const { SITE_URL, PUBLISHER_NAME } = env();
  return atomResponse(incidentFeed(story, { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME }, new Date()));
}

import { buildAtomFeed } from "@/lib/feed/atom";
import {
  changeEntry,
  feedSite,
  feedStatement,
  newestEntries,
  withdrawalEntry,
  type FeedSite,
} from "@/lib/feed/status-feed";
import type { ActorStory, ClaimStory, IncidentStory } from "@/lib/data/reads/story-feeds";

// "Follow a story": one claim's feed (/claims/<slug>/feed.xml) and one actor's (/actors/<slug>/feed.xml). Entries
// share their ids with /feed.xml (lib/feed/status-feed.ts), so a reader following both sees a change once.

export const claimFeedPath = (slug: string) => `/claims/${slug}/feed.xml`;
export const actorFeedPath = (slug: string) => `/actors/${slug}/feed.xml`;
export const incidentFeedPath = (slug: string) => `/incidents/${slug}/feed.xml`;

/** Its status changes (corrections marked) and, once withdrawn, the withdrawal; newest first. */
export function claimFeed(story: ClaimStory, { siteUrl, publisherName }: FeedSite, now: Date): string {
  const { host, url } = feedSite(siteUrl);
  const { claim } = story;
  const entries = newestEntries([
    ...story.changes.map((c) => changeEntry(c, siteUrl)),
    ...(story.withdrawal
      ? [withdrawalEntry({ ...claim, withdrawnAt: story.withdrawal.at, reason: story.withdrawal.reason }, siteUrl)]
      : []),
  ]);
  return buildAtomFeed({
    id: `tag:${host},2026:feed:claim:${claim.id}`,
    title: `${publisherName}: ${feedStatement(claim.statement)}`,
    subtitle: "Every change to this claim's verification status, its corrections and its withdrawal, newest first.",
    selfUrl: url(claimFeedPath(claim.slug)),
    siteUrl: url(`/claims/${claim.slug}`),
    author: publisherName,
    updated: entries[0]?.updated ?? now,
    entries,
  });
}

/** The entries of a story of several claims (an actor's, an incident's): published, status changes, withdrawals. */
function claimsStoryEntries(story: ActorStory | IncidentStory, siteUrl: string) {
  const { host, url } = feedSite(siteUrl);
  return newestEntries([
    ...story.published.map((c) => ({
      id: `tag:${host},2026:published:${c.id}-${c.publishedAt.getTime()}`,
      title: `New claim by ${c.claimant.name}: ${feedStatement(c.statement)}`,
      content: c.statement,
      link: url(`/claims/${c.slug}`),
      updated: c.publishedAt,
    })),
    ...story.changes.map((c) => changeEntry(c, siteUrl)),
    ...story.withdrawn.map((w) => withdrawalEntry(w, siteUrl)),
  ]);
}

/** The actor's claims as they are published, change status or are withdrawn; newest first. */
export function actorFeed(story: ActorStory, { siteUrl, publisherName }: FeedSite, now: Date): string {
  const { host, url } = feedSite(siteUrl);
  const { actor } = story;
  const entries = claimsStoryEntries(story, siteUrl);
  return buildAtomFeed({
    id: `tag:${host},2026:feed:actor:${actor.id}`,
    title: `${publisherName}: claims by ${actor.name}`,
    subtitle: `New claims by ${actor.name}, their status changes and withdrawals, newest first.`,
    selfUrl: url(actorFeedPath(actor.slug)),
    siteUrl: url(`/actors/${actor.slug}`),
    author: publisherName,
    updated: entries[0]?.updated ?? now,
    entries,
  });
}

/** The incident's claims as they are published, change status or are withdrawn; newest first. */
export function incidentFeed(story: IncidentStory, { siteUrl, publisherName }: FeedSite, now: Date): string {
  const { host, url } = feedSite(siteUrl);
  const { incident } = story;
  const entries = claimsStoryEntries(story, siteUrl);
  return buildAtomFeed({
    id: `tag:${host},2026:feed:incident:${incident.id}`,
    title: `${publisherName}: ${incident.title}`,
    subtitle: `Claims about ${incident.title}: new claims, status changes, corrections and withdrawals, newest first.`,
    selfUrl: url(incidentFeedPath(incident.slug)),
    siteUrl: url(`/incidents/${incident.slug}`),
    author: publisherName,
    updated: entries[0]?.updated ?? now,
    entries,
  });
}

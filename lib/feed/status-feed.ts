import { buildAtomFeed, type AtomEntry } from "@/lib/feed/atom";
import { FEED_LIMIT, type FeedChange } from "@/lib/data/reads/feed";
import type { WithdrawnClaim } from "@/lib/data/reads/withdrawn";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

// /feed.xml: every status change of a published claim and every withdrawal of one, newest first, as Atom; its
// entries are also those of the per-claim and per-actor feeds (lib/feed/story-feeds.ts).

export type FeedSite = { siteUrl: string; publisherName: string };

type Change = Pick<FeedChange, "id" | "from" | "to" | "rationale" | "isCorrection" | "createdAt"> & {
  claim: { slug: string; statement: string };
};
type Withdrawal = { id: number; slug: string; statement: string; withdrawnAt: Date; reason: string };

/** Where an entry's id and link come from: the site's host and its absolute addresses. */
export function feedSite(siteUrl: string) {
  return { host: new URL(siteUrl).hostname, url: (path: string) => new URL(path, siteUrl).toString() };
}

export const feedStatement = (text: string) => text.replace(/[.\s]+$/, "");

/**
 * Entry ids are tag: URIs (RFC 4151) made of the site's host name, the year the feed began and the change's id (a
 * withdrawal's: the claim's id and the time it was withdrawn, since a claim republished may be withdrawn again), so
 * an entry keeps its id for ever and feed readers never show a change twice. Changing SITE_URL's host would change
 * every id.
 * The same id in every feed that carries the entry (lib/feed/story-feeds.ts).
 */
export function changeEntry(c: Change, siteUrl: string): AtomEntry {
  const { host, url } = feedSite(siteUrl);
  return {
    id: `tag:${host},2026:status-change:${c.id}`,
    title: `${feedStatement(c.claim.statement)}: ${STATUS_INFO[c.from].label} → ${STATUS_INFO[c.to].label}${c.isCorrection ? " (correction)" : ""}`,
    content: c.rationale,
    link: url(`/claims/${c.claim.slug}`),
    updated: c.createdAt,
  };
}

/** One withdrawal as an entry. */
export function withdrawalEntry(w: Withdrawal, siteUrl: string): AtomEntry {
  const { host, url } = feedSite(siteUrl);
  return {
    id: `tag:${host},2026:withdrawal:${w.id}-${w.withdrawnAt.getTime()}`,
    title: `Withdrawn: ${feedStatement(w.statement)}`,
    content: `Reason: ${w.reason}`,
    link: url(`/claims/${w.slug}`),
    updated: w.withdrawnAt,
  };
}

/** Newest first, at most FEED_LIMIT. */
export const newestEntries = (entries: AtomEntry[]) =>
  [...entries].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_LIMIT);

export function statusChangeFeed(
  changes: FeedChange[],
  { siteUrl, publisherName }: FeedSite,
  now: Date,
  withdrawals: WithdrawnClaim[] = [],
): string {
  const { host, url } = feedSite(siteUrl);
  const entries = newestEntries([
    ...changes.map((c) => changeEntry(c, siteUrl)),
    ...withdrawals.map((w) => withdrawalEntry(w, siteUrl)),
  ]);
  return buildAtomFeed({
    id: `tag:${host},2026:feed:status-changes`,
    title: `${publisherName}: status changes`,
    subtitle: "Every change to the verification status of a published claim, and every withdrawal, newest first.",
    selfUrl: url("/feed.xml"),
    siteUrl: url("/claims"),
    author: publisherName,
    updated: entries[0]?.updated ?? now,
    entries,
  });
}

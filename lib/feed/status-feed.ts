import { buildAtomFeed } from "@/lib/feed/atom";
import { FEED_LIMIT, type FeedChange } from "@/lib/data/reads/feed";
import type { WithdrawnClaim } from "@/lib/data/reads/withdrawn";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

// /feed.xml: every status change of a published claim and every withdrawal of one, newest first, as Atom.

export type FeedSite = { siteUrl: string; publisherName: string };

/**
 * Entry ids are tag: URIs (RFC 4151) made of the site's host name, the year the feed began and the change's id (a
 * withdrawal's: the claim's id and the time it was withdrawn, since a claim republished may be withdrawn again), so
 * an entry keeps its id for ever and feed readers never show a change twice. Changing SITE_URL's host would change
 * every id.
 */
export function statusChangeFeed(
  changes: FeedChange[],
  { siteUrl, publisherName }: FeedSite,
  now: Date,
  withdrawals: WithdrawnClaim[] = [],
): string {
  const host = new URL(siteUrl).hostname;
  const url = (path: string) => new URL(path, siteUrl).toString();
  const statement = (text: string) => text.replace(/[.\s]+$/, "");
  const entries = [
    ...changes.map((c) => ({
      id: `tag:${host},2026:status-change:${c.id}`,
      title: `${statement(c.claim.statement)}: ${STATUS_INFO[c.from].label} → ${STATUS_INFO[c.to].label}${c.isCorrection ? " (correction)" : ""}`,
      content: c.rationale,
      link: url(`/claims/${c.claim.slug}`),
      updated: c.createdAt,
    })),
    ...withdrawals.map((w) => ({
      id: `tag:${host},2026:withdrawal:${w.id}-${w.withdrawnAt.getTime()}`,
      title: `Withdrawn: ${statement(w.statement)}`,
      content: `Reason: ${w.reason}`,
      link: url(`/claims/${w.slug}`),
      updated: w.withdrawnAt,
    })),
  ]
    .sort((a, b) => b.updated.getTime() - a.updated.getTime())
    .slice(0, FEED_LIMIT);
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

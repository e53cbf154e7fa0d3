import { buildAtomFeed } from "@/lib/feed/atom";
import type { FeedChange } from "@/lib/data/reads/feed";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

// /feed.xml: every status change of a published claim, newest first, as Atom.

export type FeedSite = { siteUrl: string; publisherName: string };

/**
 * Entry ids are tag: URIs (RFC 4151) made of the site's host name, the year the feed began and the change's id,
 * so an entry keeps its id for ever and feed readers never show a change twice. Changing SITE_URL's host would
 * change every id.
 */
export function statusChangeFeed(changes: FeedChange[], { siteUrl, publisherName }: FeedSite, now: Date): string {
  const host = new URL(siteUrl).hostname;
  const url = (path: string) => new URL(path, siteUrl).toString();
  return buildAtomFeed({
    id: `tag:${host},2026:feed:status-changes`,
    title: `${publisherName}: status changes`,
    subtitle: "Every change to the verification status of a published claim, newest first.",
    selfUrl: url("/feed.xml"),
    siteUrl: url("/claims"),
    author: publisherName,
    updated: changes[0]?.createdAt ?? now,
    entries: changes.map((c) => ({
      id: `tag:${host},2026:status-change:${c.id}`,
      title: `${c.claim.statement.replace(/[.\s]+$/, "")}: ${STATUS_INFO[c.from].label} → ${STATUS_INFO[c.to].label}${c.isCorrection ? " (correction)" : ""}`,
      content: c.rationale,
      link: url(`/claims/${c.claim.slug}`),
      updated: c.createdAt,
    })),
  });
}

import { escapeXml } from "@/lib/feed/xml";

// An Atom 1.0 feed (RFC 4287) as a string. Pure: the route gives it the entries and the site's addresses.

export type AtomEntry = {
  /** a permanent, unique id (a tag: URI) */
  id: string;
  title: string;
  /** plain text */
  content: string;
  link: string;
  updated: Date;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  /** the feed's own address (rel="self") and the page it describes (rel="alternate") */
  selfUrl: string;
  siteUrl: string;
  author: string;
  /** the newest entry's time; when there is none, the time the feed is made */
  updated: Date;
  entries: AtomEntry[];
};

export function buildAtomFeed(feed: AtomFeed): string {
  const text = (tag: string, value: string, attrs = "") => `<${tag}${attrs}>${escapeXml(value)}</${tag}>`;
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    ${text("id", e.id)}`,
      `    ${text("title", e.title, ' type="text"')}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      `    ${text("updated", e.updated.toISOString())}`,
      `    ${text("content", e.content, ' type="text"')}`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${text("id", feed.id)}`,
    `  ${text("title", feed.title)}`,
    `  ${text("subtitle", feed.subtitle)}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    `  ${text("updated", feed.updated.toISOString())}`,
    `  <author>${text("name", feed.author)}</author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

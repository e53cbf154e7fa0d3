import { Feed } from "feed";
import { escapeXml, stripInvalidXmlChars } from "@/lib/feed/xml";

// An Atom 1.0 feed (RFC 4287) as a string, written by `feed`. Pure: the route gives it the entries and the site's
// addresses. Two things are done to the text before `feed` sees it (tests/feed.test.ts checks both):
// - `feed` writes entry titles and content as type="html" in CDATA, so plain text goes in as escaped HTML: a
//   reader shows "AT&T <b>" as written, and "]]>" cannot end the CDATA early (`feed` splits only the first one).
// - xml-js, which `feed` writes with, turns "&amp;" in element text back into "&" before escaping it, so a
//   publisher named "A &amp; B" would lose its "amp;". Escaping every "&" first makes that step a no-op.
// Both also drop the characters XML 1.0 forbids (lib/feed/xml.ts), which neither library does.

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

/** Plain text for an element `feed` writes as text. */
const text = (value: string) => stripInvalidXmlChars(value).replace(/&/g, "&amp;");
/** Plain text for a title or content `feed` writes as type="html". */
const html = (value: string) => escapeXml(value);

export function buildAtomFeed(feed: AtomFeed): string {
  const atom = new Feed({
    id: text(feed.id),
    title: text(feed.title),
    description: text(feed.subtitle),
    link: feed.siteUrl,
    feedLinks: { atom: feed.selfUrl },
    author: { name: text(feed.author) },
    updated: feed.updated,
    generator: false,
  });
  for (const e of feed.entries) {
    atom.addItem({ id: e.id, title: html(e.title), content: html(e.content), link: e.link, date: e.updated });
  }
  return atom.atom1();
}

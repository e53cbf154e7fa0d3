import { Feed } from "feed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listFeedChanges } from "@/lib/data/reads/feed";
import { buildAtomFeed } from "@/lib/feed/atom";
import { statusChangeFeed } from "@/lib/feed/status-feed";
import { escapeXml, stripInvalidXmlChars } from "@/lib/feed/xml";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";
import { xmlProblems } from "./helpers/xml-well-formed";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const SITE = { siteUrl: "https://claims.example.org", publisherName: "Claimwatch & Co <test>" };
// Other control characters and U+FFFE/U+FFFF can be stored; NUL cannot on PostgreSQL and is refused at every input
// (lib/validation/fields.ts), and lone surrogates cannot on either engine (Prisma refuses them), so those two are
// tried on the builder alone.
const NASTY = `Tom & Jerry <script>alert("x")</script> 'quoted' ]]> \u0001\u0008\u000B\u000C\u000E\u001F \uFFFE\uFFFF ok: ✓ 😀 د پاکستان`;
const NUL = "\u0000";
const LONE_SURROGATES = "\uD800 lone \uDFFF";

// The checker knows no CDATA, which `feed` writes titles and content in: a CDATA section is character data, so it is
// checked as the same text escaped; a "]]>" left over is one that no CDATA section opened, which XML forbids.
const wellFormed = (xml: string) => {
  const text = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
    data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
  );
  return [...xmlProblems(text), ...(text.includes("]]>") ? ['"]]>" outside a CDATA section'] : [])];
};

describe("XML text", () => {
  it("drops the characters XML 1.0 forbids and keeps the rest", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh")).toBe("abcdefgh");
    expect(stripInvalidXmlChars("x\uD800y\uDC00z")).toBe("xyz");
    expect(stripInvalidXmlChars("tab\tlf\ncr\r😀 ✓ پ")).toBe("tab\tlf\ncr\r😀 ✓ پ");
  });

  it("escapes markup characters", () => {
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });

  it("the checker itself refuses broken XML", () => {
    expect(xmlProblems("<a><b></a></b>")).not.toEqual([]);
    expect(xmlProblems("<a>x & y</a>")).not.toEqual([]);
    expect(xmlProblems("<a>1 < 2</a>")).not.toEqual([]);
    expect(xmlProblems("<a>\u0001</a>")).not.toEqual([]);
    expect(xmlProblems("<a/><b/>")).not.toEqual([]);
    expect(wellFormed("<a><![CDATA[x & <y>]]></a>")).toEqual([]);
    expect(wellFormed("<a><![CDATA[x ]]> ]]></a>")).not.toEqual([]);
    expect(xmlProblems('<?xml version="1.0"?>\n<a x="1">&amp;<b/></a>')).toEqual([]);
  });
});

describe("the status-change feed", () => {
  it("is well-formed Atom whatever the text, newest first, with stable tag: ids and absolute links", async () => {
    const claim = await makeTestClaim(db, {
      statement: NASTY,
      status: "FALSE",
      statusHistory: [
        {
          from: "UNVERIFIED",
          to: "IN_REVIEW",
          rationale: `First look ${NASTY}`,
          createdAt: new Date("2026-11-01T10:00:00Z"),
        },
        {
          from: "IN_REVIEW",
          to: "FALSE",
          rationale: `Imagery shows otherwise ${NASTY}`,
          createdAt: new Date("2026-11-02T10:00:00Z"),
        },
      ],
    });
    await makeTestClaim(db, {
      published: false,
      status: "CONFIRMED",
      statusHistory: [
        {
          from: "UNVERIFIED",
          to: "CONFIRMED",
          rationale: "Draft change never in the feed",
          createdAt: new Date("2026-11-03T10:00:00Z"),
        },
      ],
    });
    const changes = await listFeedChanges(db);
    expect(changes.map((c) => c.rationale.slice(0, 12))).toEqual(["Imagery show", "First look T"]);

    const xml = statusChangeFeed(changes, SITE, new Date("2026-11-25T00:00:00Z"));
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("Draft change");
    expect(xml).toContain("Tom &amp; Jerry &lt;script&gt;");
    expect(xml).toContain("Unverified → In review");
    expect(xml).toContain("In review → False");
    expect(xml).toContain(`<link href="https://claims.example.org/claims/${claim.slug}"/>`);
    expect(xml).toContain('<link rel="alternate" href="https://claims.example.org/claims"/>');
    expect(xml).toContain('<link rel="self" href="https://claims.example.org/feed.xml"/>');
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids[0]).toBe("tag:claims.example.org,2026:feed:status-changes");
    expect(ids.slice(1)).toEqual(changes.map((c) => `tag:claims.example.org,2026:status-change:${c.id}`));
    // The feed's updated time is the newest change's.
    expect(xml.match(/<updated>([^<]+)<\/updated>/)?.[1]).toBe("2026-11-02T10:00:00.000Z");
  });

  it("drops lone surrogates", () => {
    const change = {
      id: 7,
      from: "UNVERIFIED" as const,
      to: "DISPUTED" as const,
      rationale: `Rationale ${LONE_SURROGATES} ${NUL} ${NASTY}`,
      isCorrection: true,
      createdAt: new Date("2026-11-02T10:00:00Z"),
      claim: { slug: "s", statement: `Statement ${LONE_SURROGATES}`, kind: "FACT" as const },
    };
    const xml = statusChangeFeed([change], SITE, new Date());
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain("Statement  lone : Unverified → Disputed (correction)");
  });

  it("is well-formed when empty", () => {
    const xml = statusChangeFeed([], SITE, new Date("2026-11-25T00:00:00Z"));
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain("<updated>2026-11-25T00:00:00.000Z</updated>");
  });
});

describe("the Atom writer (feed)", () => {
  const feed = {
    id: "tag:x.org,2026:feed",
    subtitle: "s",
    selfUrl: "https://x.org/feed.xml",
    siteUrl: "https://x.org/claims",
    updated: new Date(0),
  };
  const entry = {
    id: "tag:x.org,2026:status-change:1",
    content: "c",
    link: "https://x.org/claims/a",
    updated: new Date(0),
  };

  it("on its own writes broken XML from a control character or a second ]]>, so lib/feed/atom.ts cleans text first", () => {
    for (const title of ["a \u0001 b", "a ]]> b ]]> c"]) {
      const raw = new Feed({ id: feed.id, title: "t", generator: false });
      raw.addItem({ ...entry, title, date: entry.updated });
      expect(wellFormed(raw.atom1())).not.toEqual([]);
    }

    const xml = buildAtomFeed({
      ...feed,
      title: "t",
      author: "a",
      entries: [{ ...entry, title: "a \u0001 ]]> b ]]> c" }],
    });
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain("<![CDATA[a  ]]&gt; b ]]&gt; c]]>");
  });

  it("keeps a literal &amp; in text, which xml-js would turn into &", () => {
    const xml = buildAtomFeed({ ...feed, title: "AT&T &amp; co", author: "A &amp; B", entries: [] });
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain("<title>AT&amp;T &amp;amp; co</title>");
    expect(xml).toContain("<name>A &amp;amp; B</name>");
  });
});

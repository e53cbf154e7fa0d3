import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listFeedChanges } from "@/lib/data/reads/feed";
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
// Control characters and U+FFFE/U+FFFF can be stored; lone surrogates cannot (Prisma refuses them), so they are
// tried on the builder alone.
const NASTY = `Tom & Jerry <script>alert("x")</script> 'quoted' ]]> \u0000\u0001\u0008\u000B\u000C\u000E\u001F \uFFFE\uFFFF ok: ✓ 😀 د پاکستان`;
const LONE_SURROGATES = "\uD800 lone \uDFFF";

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
    expect(xmlProblems('<?xml version="1.0"?>\n<a x="1">&amp;<b/></a>')).toEqual([]);
  });
});

describe("the status-change feed", () => {
  it("is well-formed Atom whatever the text, newest first, with stable tag: ids and absolute links", async () => {
    const claim = await makeTestClaim(db, {
      statement: NASTY,
      status: "FALSE",
      statusHistory: [
        { from: "UNVERIFIED", to: "IN_REVIEW", rationale: `First look ${NASTY}`, createdAt: new Date("2026-11-01T10:00:00Z") },
        { from: "IN_REVIEW", to: "FALSE", rationale: `Imagery shows otherwise ${NASTY}`, createdAt: new Date("2026-11-02T10:00:00Z") },
      ],
    });
    await makeTestClaim(db, {
      published: false,
      status: "CONFIRMED",
      statusHistory: [{ from: "UNVERIFIED", to: "CONFIRMED", rationale: "Draft change never in the feed", createdAt: new Date("2026-11-03T10:00:00Z") }],
    });
    const changes = await listFeedChanges(db);
    expect(changes.map((c) => c.rationale.slice(0, 12))).toEqual(["Imagery show", "First look T"]);

    const xml = statusChangeFeed(changes, SITE, new Date("2026-11-25T00:00:00Z"));
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("Draft change");
    expect(xml).toContain("Tom &amp; Jerry &lt;script&gt;");
    expect(xml).toContain("Unverified → In review");
    expect(xml).toContain("In review → False");
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://claims.example.org/claims/${claim.slug}"/>`);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://claims.example.org/feed.xml"/>');
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
      rationale: `Rationale ${LONE_SURROGATES} ${NASTY}`,
      isCorrection: true,
      createdAt: new Date("2026-11-02T10:00:00Z"),
      claim: { slug: "s", statement: `Statement ${LONE_SURROGATES}`, kind: "FACT" as const },
    };
    const xml = statusChangeFeed([change], SITE, new Date());
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain("Statement  lone : Unverified → Disputed (correction)");
  });

  it("is well-formed when empty", () => {
    const xml = statusChangeFeed([], SITE, new Date("2026-11-25T00:00:00Z"));
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain("<updated>2026-11-25T00:00:00.000Z</updated>");
  });
});

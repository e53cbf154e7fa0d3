import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { withdrawTestClaim } from "@/test-support/withdraw";
import { listSitemapEntries } from "@/lib/data/reads/sitemap";
import { getActorStory, getClaimStory } from "@/lib/data/reads/story-feeds";
import { actorFeed, claimFeed } from "@/lib/feed/story-feeds";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";
import { xmlProblems } from "./helpers/xml-well-formed";

// The data behind /sitemap.xml and the "follow a story" feeds (docs/api.md, Feeds), on a database of this file's own.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
// As tests/feed.test.ts does: the checker knows no CDATA, which `feed` writes titles and content in.
const wellFormed = (xml: string) =>
  xmlProblems(
    xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
      data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    ),
  );
const SITE = { siteUrl: "https://claims.example.org", publisherName: "Claimwatch" };

describe("the sitemap's entries", () => {
  it("hold published claims and public actors only, and stay within the limit", async () => {
    const published = await makeTestClaim(db);
    const draft = await makeTestClaim(db, { published: false });
    const withdrawn = await makeTestClaim(db);
    await withdrawTestClaim(db, withdrawn.id, "Misread footage.", at(20));
    const { actors, claims } = await listSitemapEntries(db);
    const slugs = claims.map((c) => c.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(withdrawn.slug);
    expect(actors.map((a) => a.slug)).toContain(published.claimant.slug);
    expect(actors.map((a) => a.slug)).not.toContain(draft.claimant.slug);

    const small = await listSitemapEntries(db, actors.length + 1);
    expect(small.actors.length + small.claims.length).toBe(actors.length + 1);
  });
});

describe("a claim's feed", () => {
  it("is null for a draft; lists its changes and corrections; a withdrawn claim ends with its withdrawal", async () => {
    const draft = await makeTestClaim(db, { published: false });
    expect(await getClaimStory(db, draft.slug)).toBeNull();

    const claim = await makeTestClaim(db, {
      status: "FALSE",
      statusHistory: [
        { from: "UNVERIFIED", to: "DISPUTED", rationale: "Two accounts differ.", createdAt: at(10) },
        { from: "DISPUTED", to: "FALSE", rationale: "Imagery & <b>dates</b>.", createdAt: at(12), isCorrection: true },
      ],
    });
    const story = await getClaimStory(db, claim.slug);
    expect(story?.changes.map((c) => c.to)).toEqual(["FALSE", "DISPUTED"]);
    expect(story?.withdrawal).toBeNull();

    await withdrawTestClaim(db, claim.id, "Wrong village.", at(14));
    // A change made after the withdrawal was never public.
    await db.statusChange.create({
      data: {
        claimId: claim.id,
        from: "FALSE",
        to: "UNVERIFIED",
        rationale: "Reopened in private.",
        createdAt: at(15),
      },
    });
    const gone = await getClaimStory(db, claim.slug);
    expect(gone?.withdrawal?.reason).toBe("Wrong village.");
    expect(gone?.changes.map((c) => c.rationale)).not.toContain("Reopened in private.");

    const xml = claimFeed(gone!, SITE, at(30));
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toMatch(
      new RegExp(
        `<link [^>]*href="https://claims.example.org/claims/${claim.slug}/feed.xml"[^>]*rel="self"|<link [^>]*rel="self"[^>]*href="https://claims.example.org/claims/${claim.slug}/feed.xml"`,
      ),
    );
    expect(xml.indexOf("Withdrawn:")).toBeLessThan(xml.indexOf("(correction)"));
    expect(xml).not.toContain("Reopened in private.");
  });
});

describe("an actor's feed", () => {
  it("is null for an actor no published claim names; lists new claims and status changes", async () => {
    const draft = await makeTestClaim(db, { published: false });
    expect(await getActorStory(db, draft.claimant.slug)).toBeNull();

    const claim = await makeTestClaim(db, { status: "DISPUTED", publishedAt: at(5) });
    const story = await getActorStory(db, claim.claimant.slug);
    expect(story?.published.map((c) => c.slug)).toEqual([claim.slug]);
    expect(story?.changes.map((c) => c.to)).toEqual(["DISPUTED"]);
    const xml = actorFeed(story!, SITE, at(30));
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain(`New claim by ${claim.claimant.name}`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { buildClaimReview, jsonLdScriptContent } from "@/lib/domain/claim-review";
import { getPublishedClaim } from "@/lib/data/reads/claims";
import type { Db } from "@/lib/db/create-client";
import { FINAL_STATUSES, STATUS_INFO, STATUSES } from "@/lib/domain/vocabulary";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const SITE = { siteUrl: "https://claims.example.org", publisherName: "Claimwatch" };
const reader = async (slug: string) => {
  const claim = await getPublishedClaim(db, slug);
  if (!claim) throw new Error(`no claim ${slug}`);
  return claim;
};

describe("buildClaimReview", () => {
  it("describes a final verdict as Google's fact-check markup asks", async () => {
    const made = await makeTestClaim(db, {
      statement: "Strikes killed 40 militants </script><script>alert(1)</script>",
      status: "FALSE",
      claimedAt: new Date("2026-10-01T08:00:00Z"),
      sources: [
        { stance: "REFUTES", title: "Open imagery", url: "https://imagery.example/1" },
        { stance: "REFUTES", title: "Secret witness", url: "https://secret.example/witness", protected: true },
        { stance: "CONTEXT", title: "Paper report", url: null },
      ],
      statusHistory: [
        {
          from: "UNVERIFIED",
          to: "FALSE",
          rationale: "Imagery shows an empty compound at the site.",
          createdAt: new Date("2026-10-03T09:00:00Z"),
        },
        {
          from: "FALSE",
          to: "IN_REVIEW",
          rationale: "New footage needs checking.",
          createdAt: new Date("2026-10-04T09:00:00Z"),
        },
        {
          from: "IN_REVIEW",
          to: "FALSE",
          rationale: "The footage is older; the verdict stands.",
          createdAt: new Date("2026-10-05T09:00:00Z"),
        },
      ],
    });
    const review = buildClaimReview(await reader(made.slug), SITE);
    expect(review).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `https://claims.example.org/claims/${made.slug}`,
      claimReviewed: "Strikes killed 40 militants </script><script>alert(1)</script>",
      datePublished: "2026-10-05T09:00:00.000Z",
      author: { "@type": "Organization", name: "Claimwatch", url: "https://claims.example.org/" },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: made.claimant.name },
        datePublished: "2026-10-01",
        appearance: [{ "@type": "CreativeWork", url: "https://imagery.example/1" }],
      },
    });
    expect(JSON.stringify(review)).not.toContain("secret.example");
  });

  it("gives the claim's date only as precisely as it is known, and leaves out a date the source does not give", async () => {
    const dated = async (precision: "DAY" | "MONTH" | "YEAR" | "UNKNOWN", at: string) => {
      const made = await makeTestClaim(db, {
        status: "DISPUTED",
        claimedAt: new Date(`${at}T00:00:00Z`),
        claimedAtPrecision: precision,
      });
      return buildClaimReview(await reader(made.slug), SITE)?.itemReviewed;
    };
    expect((await dated("DAY", "2026-11-20"))?.datePublished).toBe("2026-11-20");
    expect((await dated("MONTH", "2026-11-01"))?.datePublished).toBe("2026-11");
    expect((await dated("YEAR", "2026-01-01"))?.datePublished).toBe("2026");
    const unknown = await dated("UNKNOWN", "2026-12-01");
    expect(unknown).toBeDefined();
    expect(unknown).not.toHaveProperty("datePublished");
  });

  it("rates every final status within 1–5 as the design's table says, and nothing else", async () => {
    const expected = { DISPUTED: 3, UNVERIFIABLE: 3, MISLEADING: 2, FALSE: 1, CONFIRMED: 5 };
    expect(Object.fromEntries(FINAL_STATUSES.map((s) => [s, STATUS_INFO[s].rating]))).toEqual(expected);
    for (const status of STATUSES) {
      const made = await makeTestClaim(db, { status });
      const review = buildClaimReview(await reader(made.slug), SITE);
      if (status in expected) {
        expect(review?.reviewRating.ratingValue, status).toBe(expected[status as keyof typeof expected]);
        expect(review?.reviewRating.alternateName).toBe(STATUS_INFO[status].label);
      } else expect(review, status).toBeNull();
    }
  });

  it("emits nothing for positions, and names a person with sameAs; dates a verdict without history by publication", async () => {
    const position = await makeTestClaim(db, { kind: "POSITION" });
    expect(buildClaimReview(await reader(position.slug), SITE)).toBeNull();

    const person = await db.actor.create({
      data: {
        slug: `person-${Date.now()}`,
        name: "A. Spokesperson",
        kind: "INDIVIDUAL",
        sameAs: "https://www.wikidata.org/wiki/Q1",
      },
      select: { id: true },
    });
    const publishedAt = new Date("2026-09-01T00:00:00Z");
    const made = await makeTestClaim(db, {
      claimantId: person.id,
      status: "MISLEADING",
      statusHistory: [],
      publishedAt,
    });
    const review = buildClaimReview(await reader(made.slug), SITE);
    expect(review?.itemReviewed.author).toEqual({
      "@type": "Person",
      name: "A. Spokesperson",
      sameAs: "https://www.wikidata.org/wiki/Q1",
    });
    expect(review?.datePublished).toBe(publishedAt.toISOString());
  });
});

describe("jsonLdScriptContent", () => {
  it("cannot end the script element, and reads back as the same JSON", () => {
    const value = { text: "</script><script>alert('x')</script> & \u2028 <!--" };
    const content = jsonLdScriptContent(value);
    expect(content).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(content)).toEqual(value);
  });
});

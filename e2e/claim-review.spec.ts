import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim } from "@/test-support/builders";

async function claimReviews(page: Page) {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((s) => JSON.parse(s) as Record<string, unknown>).filter((j) => j["@type"] === "ClaimReview");
}

test.describe("ClaimReview structured data", () => {
  test("is on a claim with a final verdict, rated as /methodology says, without protected sources", async ({
    page,
    db,
  }) => {
    const claim = await makeTestClaim(db, {
      statement: "Strikes hit an empty compound </script><script>window.pwned=1</script>",
      status: "MISLEADING",
      sources: [
        { stance: "REFUTES", title: "Open imagery", url: "https://imagery.example/e2e" },
        { stance: "REFUTES", title: "Secret", url: "https://secret.example/e2e", protected: true },
      ],
    });
    await page.goto(`/claims/${claim.slug}`);
    const [review, ...others] = await claimReviews(page);
    expect(others).toEqual([]);
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: claim.statement,
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading" },
      itemReviewed: { "@type": "Claim", appearance: [{ "@type": "CreativeWork", url: "https://imagery.example/e2e" }] },
    });
    expect(review?.url).toMatch(new RegExp(`/claims/${claim.slug}$`));
    expect(JSON.stringify(review)).not.toContain("secret.example");
    // The statement's markup stayed text inside the JSON: no script ran.
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    await page.goto("/methodology");
    await expect(page.getByTestId("status-table").getByRole("row", { name: /Misleading/ })).toContainText(
      "2 “Misleading”",
    );
  });

  test("is absent for unverified, in-review and position claims", async ({ page, db }) => {
    for (const overrides of [
      { status: "UNVERIFIED" as const },
      { status: "IN_REVIEW" as const },
      { kind: "POSITION" as const },
    ]) {
      const claim = await makeTestClaim(db, overrides);
      await page.goto(`/claims/${claim.slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(claim.statement);
      expect(await claimReviews(page), JSON.stringify(overrides)).toEqual([]);
    }
  });
});

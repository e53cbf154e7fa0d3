import { expect, test } from "./fixtures";
import { shown } from "./visible";
import { makeTestClaim, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";

test.describe("search on /claims", () => {
  test("typing words finds claims, best match first, with the matched words marked", async ({ page, db }) => {
    const word = unique("quokka");
    const inRationale = await makeTestClaim(db, {
      status: "DISPUTED",
      statusRationale: `Local reports about ${word} disagree on the numbers.`,
    });
    const inStatement = await makeTestClaim(db, {
      statement: `Shelling near the ${word} crossing killed civilians`,
      originalText: `د ${word} په لاره کې ډزې`,
      originalLanguage: "ps",
    });

    await page.goto("/claims");
    await page.getByRole("searchbox", { name: "Search claims" }).fill(word);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await expect(shown(page, "result-count")).toHaveText("2 claims match; showing 1–2.");
    const items = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
    await expect(items.nth(0).getByRole("heading")).toHaveText(inStatement.statement);
    await expect(items.nth(1)).toContainText(inRationale.statement);
    await expect(items.nth(0).getByRole("heading").locator("mark")).toHaveText(word);
    const original = items.nth(0).getByTestId("snippet").locator("q");
    await expect(original).toHaveAttribute("lang", "ps");
    await expect(original.locator("mark")).toHaveText(word);
    await expect(items.nth(1).getByTestId("snippet").locator("mark")).toHaveText(word);
  });

  test("a results page with highlights and snippets passes axe", async ({ page, db }) => {
    const word = unique("bilby");
    await makeTestClaim(db, {
      statement: `Bridge ${word} damaged`,
      originalText: `پل ${word}`,
      originalLanguage: "ps",
      status: "DISPUTED",
      statusRationale: `Witnesses of ${word} disagree.`,
    });
    await page.goto(`/claims?q=${word}`);
    await expect(page.getByRole("list", { name: "Claims" }).locator("mark").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the first three letters of a word are enough", async ({ page, db }) => {
    const word = unique("numbat");
    const claim = await makeTestClaim(db, { statement: `Convoy ${word} stopped at the border` });
    await page.goto(`/claims?q=${encodeURIComponent(`${word} con`)}`);
    await expect(page.getByRole("list", { name: "Claims" }).getByRole("heading")).toHaveText([claim.statement]);
    await expect(page.getByRole("list", { name: "Claims" }).locator("mark")).toHaveText(["Convoy", word]);
  });

  test("search combines with the other filters and keeps them in the address", async ({ page, db }) => {
    const word = unique("wombat");
    const disputed = await makeTestClaim(db, { statement: `Disputed ${word} report`, status: "DISPUTED" });
    await makeTestClaim(db, { claimantId: disputed.claimant.id, statement: `False ${word} report`, status: "FALSE" });

    await page.goto(`/claims?q=${word}`);
    await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem")).toHaveCount(2);
    await page.getByLabel("Status", { exact: true }).selectOption("DISPUTED");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${word}.*status=DISPUTED|status=DISPUTED.*q=${word}`));
    await expect(page.getByRole("searchbox", { name: "Search claims" })).toHaveValue(word);
    const items = page.getByRole("list", { name: "Claims" }).getByRole("listitem");
    await expect(items).toHaveCount(1);
    await expect(items.first().getByRole("heading")).toHaveText(disputed.statement);

    // Ordering by date is still a search.
    await page.goto(`/claims?q=${word}&sort=oldest`);
    await expect(page.getByRole("list", { name: "Claims" }).getByRole("listitem")).toHaveCount(2);
    await expect(page.getByLabel("Order")).toHaveValue("oldest");
  });

  test("hostile search text gives a normal page", async ({ page }) => {
    for (const q of [
      '"',
      "NEAR(a b)",
      "a AND",
      ")))",
      "col:x",
      "^x",
      "'; DROP TABLE Claim; --",
      "😀",
      "پاکستان",
      "*",
    ]) {
      const response = await page.goto(`/claims?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), q).toHaveText("Claims");
      await expect(shown(page, "result-count"), q).toBeVisible();
      await expect(page.getByRole("searchbox", { name: "Search claims" }), q).toHaveValue(q);
    }
    await page.goto(`/claims?q=${encodeURIComponent("😀 ***")}`);
    await expect(shown(page, "result-count")).toContainText("has no letters or digits to search for");
  });

  test("stored markup in a matched claim stays text", async ({ page, db }) => {
    const word = unique("marmot");
    await makeTestClaim(db, { statement: `<img src=x onerror="window.pwned=1"> ${word}` });
    await page.goto(`/claims?q=${word}`);
    const heading = page.getByRole("list", { name: "Claims" }).getByRole("heading").first();
    await expect(heading).toContainText('<img src=x onerror="window.pwned=1">');
    await expect(heading.locator("img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });
});

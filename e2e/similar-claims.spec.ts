import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { makeTestClaim } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { openNewClaim } from "./editor-pages";

// Similar claims on a reader's claim page, and the "Possible duplicate" warning of the editor's claim form. Each test
// words its claims with made-up words of its own, so only its own claims are alike (the seed shares none of them).

const word = () => Array.from(randomBytes(8), (b) => "bcdfghjklmnpqrstvwxz"[b % 20]).join("");

test.describe("similar claims on a claim page", () => {
  test("lists published claims in similar words with their status, never drafts or the claim itself", async ({
    page,
    request,
    db,
  }) => {
    // Made-up words only: a retry of this test finds the first try's claims, which must not look similar.
    const [a, b, c, d, e] = [word(), word(), word(), word(), word()];
    const claim = await makeTestClaim(db, { statement: `${e} ${a} ${b} ${c} ${d}` });
    const similar = await makeTestClaim(db, { statement: `${a} ${b} ${c} denied by the district`, status: "DISPUTED" });
    const draft = await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} in a draft`, published: false });
    await makeTestClaim(db, { statement: `Only ${a} in common` });

    await page.goto(`/claims/${claim.slug}`);
    const section = page.getByRole("region", { name: "Similar claims" });
    const items = section.getByRole("listitem");
    await expect(items).toHaveCount(1);
    await expect(items.getByRole("link", { name: similar.statement })).toHaveAttribute(
      "href",
      `/claims/${similar.slug}`,
    );
    await expect(items.locator('[data-status="DISPUTED"]')).toHaveText(/Disputed/);
    await expect(section).not.toContainText(draft.statement);
    await expect(section).not.toContainText(claim.statement);
    await expectNoAxeViolations(page);

    // In the HTML as sent: no JavaScript needed.
    const html = await (await request.get(`/claims/${claim.slug}`)).text();
    expect(html).toContain(">Similar claims</h2>");
    expect(html).toContain(`href="/claims/${similar.slug}"`);
    expect(html).not.toContain(draft.statement);
  });

  test("says so when there are none", async ({ page, db }) => {
    const claim = await makeTestClaim(db, { statement: `${word()} ${word()} ${word()} ${word()}` });
    await page.goto(`/claims/${claim.slug}`);
    const section = page.getByRole("region", { name: "Similar claims" });
    await expect(section).toContainText("No similar claims.");
    await expect(section.getByRole("listitem")).toHaveCount(0);
  });
});

test.describe("possible duplicates in the claim form", () => {
  test("the new-claim form warns of a possible duplicate while the statement is typed, and still saves", async ({
    editorPage: page,
    db,
  }) => {
    // Typing key by key, axe, three lookups and a save: 29.7 s in one full CI run, over the 30 s default in the next.
    test.setTimeout(90_000);
    const [a, b, c] = [word(), word(), word()];
    const published = await makeTestClaim(db, {
      statement: `Crossing at ${a} ${b} ${c} shelled overnight`,
      status: "FALSE",
    });
    const draft = await makeTestClaim(db, { statement: `Shelling of ${a} ${b} (draft)`, published: false });
    await openNewClaim(page);

    const statement = page.getByLabel("Statement (in English)");
    const live = page.getByTestId("possible-duplicates");
    await expect(live).toHaveAttribute("aria-live", "polite");
    const warning = page.getByRole("region", { name: "Possible duplicate" });
    await statement.pressSequentially(`Shelling at ${a} ${b}`, { delay: 15 });
    await expect(warning).toBeVisible();
    const publishedLink = warning.getByRole("link", { name: published.statement });
    await expect(publishedLink).toHaveAttribute("href", `/claims/${published.slug}`);
    await expect(publishedLink).toHaveAttribute("target", "_blank");
    await expect(warning.getByRole("link", { name: draft.statement })).toHaveAttribute(
      "href",
      `/editor/claims/${draft.id}`,
    );
    await expect(warning.getByRole("listitem").filter({ hasText: draft.statement })).toContainText("Draft");
    await expect(
      warning.getByRole("listitem").filter({ hasText: published.statement }).locator('[data-status="FALSE"]'),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // Words about something else: the warning goes.
    await statement.fill(`${word()} ${word()} ${word()} ${word()}`);
    await expect(warning).toHaveCount(0);

    // A warning, not a block: the editor can create the claim anyway.
    await statement.fill(`Shelling at ${a} ${b} ${c}, a second report`);
    await expect(warning).toBeVisible();
    await page.getByLabel("A new actor").check();
    await page.getByLabel("Name", { exact: true }).fill(`Reporter ${word()}`);
    await page.getByLabel("Kind of actor").selectOption("MEDIA");
    await page.getByLabel("Category").selectOption("CASUALTIES");
    await page.getByLabel("Date claimed").fill("2026-11-20");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/editor\/claims\/\d+\?created=1$/);
  });

  test("the lookup answers editors only, privately, leaves out the claim being edited, and takes any text", async ({
    request,
    editor,
    db,
  }) => {
    const [a, b, c] = [word(), word(), word()];
    const draft = await makeTestClaim(db, { statement: `${a} ${b} ${c} draft`, published: false });
    const path = (params: Record<string, string>) => `/editor/possible-duplicates?${new URLSearchParams(params)}`;

    const anonymous = await request.get(path({ statement: `${a} ${b} ${c}` }), { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers().location).toContain("/login?next=");

    const { cookie } = editor;
    const found = await request.get(path({ statement: `${a} ${b} ${c} again` }), { headers: { cookie } });
    expect(found.status()).toBe(200);
    expect(found.headers()["cache-control"]).toBe("private, no-store");
    expect((await found.json()) as unknown).toEqual({
      results: [
        expect.objectContaining({
          id: draft.id,
          slug: draft.slug,
          statement: draft.statement,
          published: false,
          href: `/editor/claims/${draft.id}`,
        }),
      ],
    });
    const excluded = await request.get(path({ statement: `${a} ${b} ${c}`, exclude: String(draft.id) }), {
      headers: { cookie },
    });
    expect(await excluded.json()).toEqual({ results: [] });

    for (const statement of [
      "",
      '"',
      "NEAR(a b) OR *",
      "'; DROP TABLE Claim; --",
      "😀",
      "د پاکستان پوځ وايي",
      "x".repeat(3000),
    ]) {
      const response = await request.get(path({ statement }), { headers: { cookie } });
      expect(response.status(), statement.slice(0, 20)).toBe(200);
      expect(((await response.json()) as { results: unknown[] }).results).toBeInstanceOf(Array);
    }
    expect((await request.get(path({ statement: "x", exclude: "abc" }), { headers: { cookie } })).status()).toBe(400);
  });
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./a11y";
import { openClaimEditor } from "./editor-pages";
import { makeReaderPageSample } from "./reader-pages-sample";

// Light and dark follow the reader's system setting (app/globals.css, prefers-color-scheme). Every reader page and
// the main editor and admin pages pass axe, its colour-contrast rule included, in both schemes; /claims and
// /corrections also pass heading-order.

const HEADING_ORDER_PAGES = new Set(["/claims", "/corrections"]);

async function expectAccessibleIn(page: Page, scheme: "light" | "dark", url: string) {
  const runs = await expectNoAxeViolations(page, {
    alsoRules: HEADING_ORDER_PAGES.has(url) ? ["heading-order"] : [],
  });
  // The contrast rule really ran on this page's text, and the page is in the scheme asked for.
  const contrast = runs[0]!.passes.find((r) => r.id === "color-contrast");
  expect(contrast?.nodes.length ?? 0, `${url}: colour contrast checked`).toBeGreaterThan(0);
  if (HEADING_ORDER_PAGES.has(url)) expect(runs[1]!.passes.map((r) => r.id)).toContain("heading-order");
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  expect(dark).toBe(scheme === "dark");
}

/** The page background in the current scheme, so a test can tell that the scheme changed the colours. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const scheme of ["light", "dark"] as const) {
  test(`reader pages pass axe (contrast included) in the ${scheme} scheme`, async ({ page, db, request }) => {
    // Twelve pages since the incident pages joined the sample (e2e/reader-pages-sample.ts).
    test.setTimeout(180_000);
    const { pages } = await makeReaderPageSample(db, request);
    await page.emulateMedia({ colorScheme: scheme });
    for (const { url, status } of pages) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(status ?? 200);
      await expectAccessibleIn(page, scheme, url);
    }
    expect(await background(page)).toBe(scheme === "dark" ? "rgb(20, 24, 28)" : "rgb(251, 250, 247)");
  });

  test(`editor pages pass axe (contrast included) in the ${scheme} scheme`, async ({
    editorPage: page,
    db,
    request,
  }) => {
    test.setTimeout(120_000);
    const { withFigures } = await makeReaderPageSample(db, request);
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ["/editor", "/editor/claims", "/editor/incidents"]) {
      await page.goto(url);
      await expectAccessibleIn(page, scheme, url);
    }
    await openClaimEditor(page, withFigures.id);
    await expectAccessibleIn(page, scheme, `/editor/claims/${withFigures.id}`);
  });

  test(`admin pages pass axe (contrast included) in the ${scheme} scheme`, async ({ adminPage: page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [
      "/admin",
      "/admin/users",
      "/admin/audit",
      "/admin/import",
      "/admin/settings",
      "/admin/checklist",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expectAccessibleIn(page, scheme, url);
    }
  });
}

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LONG_REPORTER, makeReaderPageSample } from "./reader-pages-sample";

// Phone first (docs/reader-pages.md, "On a phone"): no reader page scrolls sideways, the figures chart keeps its
// labels readable and whole, and the list's filters fold away so the first result is on the first screen.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The page's own width against the window's, and the elements that reach past the window's right edge. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`no reader page scrolls sideways at ${viewport.width} px`, async ({ page, db, request }) => {
    test.setTimeout(90_000);
    const { pages } = await makeReaderPageSample(db, request);
    await page.setViewportSize(viewport);
    for (const { name, url, status } of pages) {
      const response = await page.goto(url);
      expect(response?.status(), name).toBe(status ?? 200);
      const { scrollWidth, clientWidth, wide } = await sidewaysOverflow(page);
      expect(clientWidth, name).toBe(viewport.width);
      expect
        .soft(scrollWidth, `${name} (${url}) is wider than the window: ${wide.join(", ")}`)
        .toBeLessThanOrEqual(clientWidth);
    }
  });
}

/** Every text of the chart drawn for this width: its size on screen and whether it lies inside the chart. */
async function chartTexts(page: Page) {
  const svg = page.getByTestId("figures-chart").locator("svg:visible");
  await expect(svg).toHaveCount(1);
  return svg.evaluate((el: SVGSVGElement) => {
    const box = el.getBoundingClientRect();
    // Text sizes are in the drawing's units; the drawing is scaled to its box.
    const scale = box.width / el.viewBox.baseVal.width;
    return [...el.querySelectorAll("text")].map((t) => {
      const r = t.getBoundingClientRect();
      return {
        // A wrapped label is one <text> with a <tspan> per line.
        text: [...t.childNodes].map((n) => n.textContent ?? "").join(" "),
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        inside:
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5,
      };
    });
  });
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`the figures chart at ${viewport.width} px: labels at least 12 px, none cut off, long names whole`, async ({
    page,
    db,
    request,
  }) => {
    const { withFigures } = await makeReaderPageSample(db, request);
    await page.setViewportSize(viewport);
    await page.goto(`/claims/${withFigures.slug}`);
    const texts = await chartTexts(page);
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) {
      expect(t.px, `"${t.text}" is ${t.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
      expect(t.inside, `"${t.text}" runs past the chart`).toBe(true);
    }
    // The long name is wrapped over lines, never shortened with an ellipsis.
    const shown = texts.map((t) => t.text).join(" ");
    expect(shown.replace(/\s+/g, " ")).toContain(LONG_REPORTER);
    expect(shown).not.toContain("…");
    await expect(page.getByTestId("figures-table").getByRole("cell", { name: LONG_REPORTER })).toHaveCount(2);
  });
}

test("at 360 px the filters fold behind “Filter” and the first result is on the first screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/claims");
  const form = page.getByRole("search", { name: "Filter claims" });
  await expect(form.getByRole("searchbox", { name: "Search claims" })).toHaveAttribute("dir", "auto");
  const status = form.getByLabel("Status");
  await expect(status).toBeHidden();
  const first = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  const heading = await first.getByRole("heading").boundingBox();
  expect(heading).not.toBeNull();
  expect(heading!.y + heading!.height).toBeLessThanOrEqual(PHONE.height);

  await form.getByText("Filter", { exact: true }).click();
  await expect(status).toBeVisible();
});

test("the folded filters work without JavaScript; wide screens show them open", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/claims");
  const form = page.getByRole("search", { name: "Filter claims" });
  await form.getByText("Filter", { exact: true }).click();
  await form.getByLabel("Status").selectOption("DISPUTED");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=DISPUTED/);
  // The control tells how many filters are folded away.
  await expect(form.locator("summary")).toHaveText("Filter (1 active)");
  await context.close();

  const wide = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const widePage = await wide.newPage();
  await widePage.goto("/claims");
  const wideForm = widePage.getByRole("search", { name: "Filter claims" });
  await expect(wideForm.getByLabel("Status")).toBeVisible();
  await expect(wideForm.locator("summary")).toBeHidden();
  await wide.close();
});

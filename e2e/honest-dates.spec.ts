import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openNewClaim } from "./editor-pages";

// Item 6 through the browser: a future date refused at its field, a MONTH-precision claim saved and shown to readers
// as "November 2026", the reporting-verb warning as the editor types, and a figure without source or reason refused.

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("the claim form refuses a future date, warns about “X says…”, and saves a date known to the month", async ({
  editorPage: page,
  db,
}) => {
  test.setTimeout(90_000);
  await openNewClaim(page);
  const statementField = page.getByLabel("Statement (in English)");

  // The warning follows the typing: "Pakistan says…" rates the saying; the claim itself does not.
  const warning = page.getByTestId("reporting-verb-warning");
  await statementField.fill(`Pakistan says its strikes hit only militants ${unique("says")}`);
  await expect(warning).toContainText("a verdict would rate the saying, not the claim");
  const statement = `Saysville was shelled in November ${unique("dates")}`;
  await statementField.fill(statement);
  await expect(warning).toHaveCount(0);

  await page.getByLabel("A new actor").check();
  await page.getByLabel("Name", { exact: true }).fill(unique("Local council"));
  await page.getByLabel("Kind of actor").selectOption("GOVERNMENT");
  await page.getByLabel("Category").selectOption("OTHER");
  await page.getByLabel("How precisely the date is known").selectOption("MONTH");

  // A day after tomorrow (UTC) is refused at the date field, and nothing is written.
  const before = await db.claim.count();
  await page.getByLabel("Date claimed").fill(inDays(3));
  await page.getByRole("button", { name: "Create draft" }).click();
  const dateError = page.getByText("Date claimed cannot be later than today (UTC).", { exact: false });
  await expect(dateError).toBeVisible();
  await expect(page.getByLabel("Date claimed")).toHaveAttribute("aria-invalid", "true");
  expect(await db.claim.count()).toBe(before);

  // Any day of the month, stored as the 1st.
  await page.getByLabel("Date claimed").fill("2026-11-17");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/editor\/claims\/\d+\?created=1$/);
  const saved = await db.claim.findFirstOrThrow({
    where: { statement },
    select: { id: true, slug: true, claimedAt: true, claimedAtPrecision: true },
  });
  expect(saved).toMatchObject({ claimedAt: new Date("2026-11-01T00:00:00Z"), claimedAtPrecision: "MONTH" });
  await expect(
    page.getByRole("form", { name: "Claim details" }).getByLabel("How precisely the date is known"),
  ).toHaveValue("MONTH");

  // Published directly: the review and publishing rules are other tests' concern; this one is about the date. The
  // slug is new, so no cached page of it exists yet.
  await db.claim.update({ where: { id: saved.id }, data: { publishedAt: new Date() } });
  await page.goto(`/claims/${saved.slug}`);
  const meta = page.locator(".claim-meta").first();
  await expect(meta).toContainText("in November 2026");
  await expect(meta.locator("time")).toHaveAttribute("datetime", "2026-11");
  await expect(meta).not.toContainText("1 Nov 2026");
});

test("a seeded claim from the undated article says its date is not given", async ({ page }) => {
  await page.goto("/claims/kabul-denies-harbouring-ttp");
  await expect(page.locator(".claim-meta").first()).toContainText("date not given by the source; recorded 25 Nov 2026");
  await expect(page.locator(".claim-meta").first()).not.toContainText("20 Nov 2026");
});

test("a figure with neither a source nor a reason is refused at the source field", async ({ editorPage: page, db }) => {
  const claim = await makeTestClaim(db, { published: false, sources: [] });
  await page.goto(`/editor/claims/${claim.id}`);
  const form = page.getByRole("form", { name: "Add a casualty figure" });
  await form.getByLabel("Reported by").selectOption({ label: claim.claimant.name });
  await form.getByLabel("Who").selectOption("CIVILIANS");
  await form.getByLabel("Outcome").selectOption("KILLED");
  await form.getByLabel("Lowest figure").fill("3");
  await form.getByLabel("Highest figure").fill("5");
  await form.getByRole("button", { name: "Add figure" }).click();
  await expect(form.getByText("Choose the source that gives this figure")).toBeVisible();
  await expect(form.getByLabel("Source", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await db.casualtyFigure.count({ where: { claimId: claim.id } })).toBe(0);

  // With the reason, it is added.
  await form.getByLabel("Why no source can be named").fill("Read out at a press briefing; no transcript.");
  await form.getByRole("button", { name: "Add figure" }).click();
  await expect(form.getByRole("status")).toHaveText("Figure added.");
  expect(await db.casualtyFigure.count({ where: { claimId: claim.id } })).toBe(1);
});

import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { openClaimEditor } from "./editor-pages";

// Errors show at their fields, and stored text is only ever text.

test("a javascript: address and min > max are refused at their fields, and nothing is written", async ({
  editorPage: page,
  db,
}) => {
  test.setTimeout(60_000); // three refused submits and an axe run
  const claim = await makeTestClaim(db, { published: false });
  await openClaimEditor(page, claim.id);

  const sourceForm = page.getByRole("form", { name: "Link a source" });
  const title = unique("Hostile source");
  await sourceForm.getByLabel("A new source").check();
  await sourceForm.getByLabel("Title").fill(title);
  await sourceForm.getByLabel("Address (optional)").fill("javascript:alert(document.cookie)");
  await sourceForm.getByLabel("Archived copy (optional)").fill("data:text/html,<script>alert(1)</script>");
  await sourceForm.getByLabel("Type", { exact: true }).selectOption("SOCIAL_MEDIA");
  await sourceForm.getByLabel("Stance").selectOption("SUPPORTS");
  await sourceForm.getByLabel(/Protect this source/).check();
  await sourceForm.getByRole("button", { name: "Link source" }).click();
  const address = sourceForm.getByLabel("Address (optional)");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(
    sourceForm.getByText("The address must be a full web address starting with https:// or http://."),
  ).toBeVisible();
  await expect(sourceForm.getByLabel("Archived copy (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(sourceForm.getByLabel("Why it is protected")).toHaveAttribute("aria-invalid", "true");
  await expect(address).toHaveValue("javascript:alert(document.cookie)");

  const figureForm = page.getByRole("form", { name: "Add a casualty figure" });
  await figureForm.getByLabel("Reported by").selectOption({ label: claim.claimant.name });
  await figureForm.getByLabel("Who").selectOption("MILITANTS");
  await figureForm.getByLabel("Outcome").selectOption("KILLED");
  await figureForm.getByLabel("Lowest figure").fill("40");
  await figureForm.getByLabel("Highest figure").fill("25");
  await figureForm.getByRole("button", { name: "Add figure" }).click();
  await expect(figureForm.getByLabel("Highest figure")).toHaveAttribute("aria-invalid", "true");
  await expect(figureForm.getByText(/cannot be below the lowest \(40\)/)).toBeVisible();
  await expect(figureForm.getByLabel("Lowest figure")).not.toHaveAttribute("aria-invalid", "true");

  await figureForm.getByLabel("Lowest figure").fill("-3");
  await figureForm.getByLabel("Highest figure").fill("2.5");
  await figureForm.getByRole("button", { name: "Add figure" }).click();
  await expect(figureForm.getByText("The lowest figure cannot be negative.")).toBeVisible();
  await expect(figureForm.getByText("The highest figure must be a whole number (no fractions).")).toBeVisible();

  // Axe with every kind of error on screen.
  await expectNoAxeViolations(page);
  expect(await db.source.count({ where: { title } })).toBe(0);
  expect(await db.casualtyFigure.count({ where: { claimId: claim.id } })).toBe(0);
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version).toBe(1);
});

test("a taken slug, an unknown country and a link to the claim itself are refused at their fields", async ({
  editorPage: page,
  db,
}) => {
  const other = await makeTestClaim(db);
  const claim = await makeTestClaim(db, { statement: `Self-link target ${unique("self")}` });
  await openClaimEditor(page, claim.id);

  const details = page.getByRole("form", { name: "Claim details" });
  await details.getByLabel("Slug (optional)").fill(other.slug);
  await details.getByLabel("A new actor").check();
  await details.getByLabel("Name", { exact: true }).fill("Someone");
  await details.getByLabel("Kind of actor").selectOption("INDIVIDUAL");
  await details.getByLabel("Country (optional)").fill("ZZ");
  await details.getByRole("button", { name: "Save claim" }).click();
  await expect(details.getByLabel("Country (optional)")).toHaveAttribute("aria-invalid", "true");
  await details.getByLabel("Country (optional)").fill("AF");
  await details.getByRole("button", { name: "Save claim" }).click();
  // The slug needs the database: the server refuses it, at the field.
  await expect(details.getByLabel("Slug (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(details.getByText(new RegExp(`“${other.slug}” is already used`)).first()).toBeVisible();
  await expect(details.getByLabel("Name", { exact: true })).toHaveValue("Someone");

  // The search never offers the claim itself; its slug typed in finds other claims only.
  const links = page.getByRole("form", { name: "Link to another claim" });
  await links.getByLabel("This claim…").selectOption("DENIES");
  await links.getByLabel(/Other claim: its slug or words/).fill(claim.slug);
  await expect(links.getByText("No matching claims yet.")).toBeVisible();
  await links.getByLabel(/Other claim: its slug or words/).fill(other.slug);
  await links.getByRole("button", { name: new RegExp(other.statement.slice(0, 20)) }).click();
  await links.getByRole("button", { name: "Add link" }).click();
  await expect(links.getByRole("status")).toHaveText("Link added.");
  // The same link again is a duplicate, refused at the target.
  await links.getByLabel("This claim…").selectOption("DENIES");
  await links.getByLabel(/Other claim: its slug or words/).fill(other.slug);
  await links.getByRole("button", { name: new RegExp(other.statement.slice(0, 20)) }).click();
  await links.getByRole("button", { name: "Add link" }).click();
  await expect(links.getByTestId("link-target").locator("..").getByRole("alert")).toContainText("the link exists");
  expect(await db.claimLink.count({ where: { fromId: claim.id } })).toBe(1);
});

test("a statement with <script> is shown as text to readers and editors", async ({ editorPage: page, browser, db }) => {
  const statement = `<script>alert(1)</script><img src=x onerror=alert(2)> ${unique("xss")}`;
  const claim = await makeTestClaim(db, { statement, originalText: "<b>bold?</b>", originalLanguage: "ps" });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await openClaimEditor(page, claim.id);
  await expect(page.getByTestId("editor-statement")).toHaveText(statement);
  await expect(page.getByLabel("Statement (in English)")).toHaveValue(statement);
  await expect(page.locator("main img[src='x']")).toHaveCount(0);

  const reader = await (await browser.newContext()).newPage();
  reader.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(statement);
  await expect(reader.getByTestId("original-text")).toHaveText("<b>bold?</b>");
  await expect(reader.locator("main img[src='x'], main b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await reader.context().close();
});

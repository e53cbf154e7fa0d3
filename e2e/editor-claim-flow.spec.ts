import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { openClaimEditor, openNewClaim } from "./editor-pages";
import { approveAsSecondEditor } from "./server-actions";

// The editor's main path, through the browser: a new claim with a new claimant, a source, a figure, a status and
// publication — and what a reader, in another browser context, then sees.

const claimId = (page: Page) => Number(/\/editor\/claims\/(\d+)/.exec(page.url())?.[1]);

async function createDraft(page: Page, statement: string, claimant: string) {
  await openNewClaim(page);
  await page.getByLabel("Statement (in English)").fill(statement);
  await page.getByLabel("A new actor").check();
  await page.getByLabel("Name", { exact: true }).fill(claimant);
  await page.getByLabel("Kind of actor").selectOption("MILITARY");
  await page.getByLabel("Country (optional)").fill("pk");
  await page.getByLabel("Category").selectOption("CASUALTIES");
  await page.getByLabel("Date claimed").fill("2026-11-20");
  await page.getByLabel("Location (optional)").fill("Paktika");
  await page.getByLabel("Original wording (optional)").fill("په پکتیکا کې ۱۲ ملکي وګړي ووژل شول");
  await page.getByLabel("Original language").fill("ps");
  // The editor sees the language's name as well as the tag.
  await expect(page.getByText(/^Pashto\. A language tag/)).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/editor\/claims\/\d+\?created=1$/);
  await expect(page.getByTestId("editor-statement")).toHaveText(statement);
  await expect(page.getByRole("button", { name: "Save claim" })).toBeEnabled();
}

test("an editor creates, sources, rates and publishes a claim; a reader sees it with its figures chart", async ({
  editorPage: page,
  editor,
  browser,
  db,
  request,
}) => {
  // Eight saves, two browser contexts and an axe run: longer than one page's worth of work.
  test.setTimeout(90_000);
  const statement = `Strikes in Paktika killed twelve civilians ${unique("flow")}`;
  const claimant = unique("ISPR spokesperson");
  await createDraft(page, statement, claimant);

  // A new source, refuting the claim.
  const sourceForm = page.getByRole("form", { name: "Link a source" });
  await sourceForm.getByLabel("A new source").check();
  await sourceForm.getByLabel("Title").fill("District hospital register");
  await sourceForm.getByLabel("Address (optional)").fill("https://example.org/hospital-register");
  await sourceForm.getByLabel("Type", { exact: true }).selectOption("NGO_REPORT");
  await sourceForm.getByLabel("Stance").selectOption("REFUTES");
  await sourceForm.getByRole("button", { name: "Link source" }).click();
  await expect(sourceForm.getByRole("status")).toHaveText("Source linked.");
  await expect(page.getByTestId("editor-sources")).toContainText("District hospital register");

  // Two figures from different reporters, one citing that source.
  const figureForm = page.getByRole("form", { name: "Add a casualty figure" });
  async function addFigure(reporter: string, min: string, max: string, source?: string) {
    await figureForm.getByLabel("Reported by").selectOption({ label: reporter });
    await figureForm.getByLabel("Who").selectOption("CIVILIANS");
    await figureForm.getByLabel("Outcome").selectOption("KILLED");
    await figureForm.getByLabel("Lowest figure").fill(min);
    await figureForm.getByLabel("Highest figure").fill(max);
    if (source) await figureForm.getByLabel("Source", { exact: true }).selectOption({ label: source });
    else await figureForm.getByLabel("Why no source can be named").fill("Read out at a press briefing; no transcript.");
    await figureForm.getByRole("button", { name: "Add figure" }).click();
    await expect(figureForm.getByRole("status")).toHaveText("Figure added.");
  }
  await addFigure(claimant, "12", "12");
  await addFigure("Taliban-led government of Afghanistan", "0", "3", "District hospital register");
  await expect(page.getByTestId("editor-figures").getByRole("row")).toHaveCount(3);

  // A final status: rationale and a linked source are there.
  const statusForm = page.getByRole("form", { name: "Change status" });
  const rationale = "The hospital register lists three deaths, not twelve; no independent access to the site.";
  await statusForm.getByLabel("New status").selectOption("DISPUTED");
  await statusForm.getByLabel("Rationale").fill(rationale);
  await statusForm.getByRole("button", { name: "Change status" }).click();
  await expect(statusForm.getByRole("status")).toContainText("Status changed");
  await expect(page.getByTestId("editor-status-history")).toContainText(rationale);

  // Publishing a final verdict is proposed (lib/domain/review-rules.ts) and needs the editor's confirmation.
  const publishForm = page.getByRole("form", { name: "Publish" });
  await expect(publishForm.getByTestId("publish-will-be-proposed")).toBeVisible();
  await publishForm.getByRole("button", { name: "Publish" }).click();
  await expect(publishForm.getByLabel("I have checked the statement, its status and its sources")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await publishForm.getByLabel("I have checked the statement, its status and its sources").check();
  await publishForm.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("pending-proposal")).toContainText("Publication: Disputed");
  // A second editor approves it; then readers see it.
  await approveAsSecondEditor(request, db, claimId(page));
  await page.reload();
  const readerLink = page.getByRole("link", { name: "View as readers see it" });
  await expect(readerLink).toBeVisible();
  await expect(page.getByTestId("last-change")).toContainText(`Version 6`);
  await expect(page.getByTestId("last-change")).not.toContainText(editor.name);
  await expectNoAxeViolations(page);
  const readerPath = await readerLink.getAttribute("href");

  // A reader, not signed in, in a browser context of their own.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(readerPath!);
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(statement);
  await expect(readerPage.getByTestId("original-text")).toHaveAttribute("lang", "ps");
  await expect(readerPage.getByText("Original wording (Pashto)")).toBeVisible();
  await expect(readerPage.getByTestId("figures-chart")).toBeVisible();
  await expect(readerPage.getByTestId("verdict")).toContainText("Disputed");
  await expect(readerPage.getByTestId("verdict")).toContainText(rationale);
  await expect(readerPage.getByTestId("status-timeline")).toContainText(rationale);
  await expect(readerPage.getByTestId("sources")).toContainText("District hospital register");
  await reader.close();

  // Every write left its trace.
  const id = claimId(page);
  const actions = await db.auditEvent.findMany({
    where: { userId: editor.id },
    orderBy: { id: "asc" },
    select: { entity: true, action: true },
  });
  expect(actions).toEqual([
    { entity: "Actor", action: "create" },
    { entity: "Claim", action: "create" },
    { entity: "Source", action: "create" },
    { entity: "ClaimSource", action: "create" },
    { entity: "CasualtyFigure", action: "create" },
    { entity: "CasualtyFigure", action: "create" },
    { entity: "Claim", action: "status" },
    { entity: "Claim", action: "propose" },
  ]);
  const applied = await db.auditEvent.findFirst({
    where: { entity: "Claim", entityId: String(id), action: "publish" },
    select: { userId: true },
  });
  expect(applied?.userId).not.toBe(editor.id);
});

test("unpublishing is a retraction: it needs a reason, is reviewed, and then readers no longer get the claim", async ({
  editorPage: page,
  browser,
  db,
  request,
}) => {
  const claim = await makeTestClaim(db, { statement: `Published then withdrawn ${unique("unpub")}` });
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  expect((await readerPage.goto(`/claims/${claim.slug}`))?.status()).toBe(200);

  await openClaimEditor(page, claim.id);
  const form = page.getByRole("form", { name: "Unpublish" });
  await form.getByLabel("Reason for taking it down").fill("Wrong claimant");
  await form.getByRole("button", { name: "Unpublish (retract)" }).click();
  await expect(form.getByText("The reason needs at least 20 characters; this one has 14.")).toBeVisible();
  const reason = "The quote belongs to another spokesperson; we named the wrong claimant.";
  await form.getByLabel("Reason for taking it down").fill(reason);
  await form.getByRole("button", { name: "Unpublish (retract)" }).click();
  await expect(page.getByTestId("pending-proposal")).toContainText(reason);
  expect((await readerPage.goto(`/claims/${claim.slug}`))?.status()).toBe(200);

  await approveAsSecondEditor(request, db, claim.id);
  await page.reload();
  await expect(page.getByTestId("withdrawn-notice")).toContainText(reason);
  // Withdrawn in the open: the claim's URL answers 410 Gone with the statement and the reason.
  expect((await readerPage.goto(`/claims/${claim.slug}`))?.status()).toBe(410);
  await expect(readerPage.getByText(reason)).toBeVisible();
  await expect(readerPage.getByText(claim.statement).first()).toBeVisible();
  expect(
    await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { publishedAt: true, withdrawalReason: true, status: true },
    }),
  ).toEqual({ publishedAt: null, withdrawalReason: reason, status: claim.status });
  await reader.close();
});

test("/editor/claims lists drafts and published claims, filters them and passes axe", async ({
  editorPage: page,
  db,
}) => {
  test.setTimeout(60_000); // five page loads and an axe run
  const word = unique("okapi");
  const published = await makeTestClaim(db, { statement: `Published ${word}` });
  const draft = await makeTestClaim(db, { statement: `Draft ${word}`, published: false, status: "IN_REVIEW" });

  await page.goto(`/editor/claims?q=${word}`);
  const table = page.getByTestId("editor-claims");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: new RegExp(`Draft ${word}`) })).toContainText("Draft");
  await expect(table.getByRole("row", { name: new RegExp(`Published ${word}`) })).toContainText("Published");
  await expectNoAxeViolations(page);

  await page.getByLabel("Published or draft").selectOption("draft");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`visibility=draft`));
  await expect(table.getByRole("link", { name: `Draft ${word}`, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: `Published ${word}`, exact: true })).toHaveCount(0);

  await page.goto(`/editor/claims?q=${word}&visibility=published&status=UNVERIFIED`);
  await expect(table.getByRole("link", { name: `Published ${word}`, exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.goto(`/editor/claims?visibility=nonsense&q=${word}`);
  await expect(page.getByTestId("ignored-params")).toContainText("nonsense");

  await table.getByRole("link", { name: `Draft ${word}`, exact: true }).click();
  await expect(page).toHaveURL(`/editor/claims/${draft.id}`);
  expect(published.id).not.toBe(draft.id);
});

test("the new-claim page passes axe, before and after a refused submit", async ({ editorPage: page }) => {
  test.setTimeout(60_000); // two axe runs
  await openNewClaim(page);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create draft" }).click();
  // Exact labels: the "About" checkboxes are labelled with actors' names, which other specs choose ("New claimant …").
  await expect(page.getByLabel("Statement (in English)", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Claimant", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Category", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/editor/claims/new");
  await expect(page).toHaveURL(/\/login\?next=%2Feditor%2Fclaims%2Fnew$/);
});

test("an editor page for a claim that does not exist answers 404 and says so", async ({ editorPage: page }) => {
  for (const id of ["999999999", "abc", "0", "1e3"]) {
    const response = await page.goto(`/editor/claims/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), id).toHaveText("Page not found");
  }
});

import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openClaimEditor } from "./editor-pages";
import { approveAsSecondEditor } from "./server-actions";

// The status workflow through the browser, and what readers see of it at once.

test("reversing a published verdict appears in the reader timeline and on /corrections", async ({
  editorPage: page,
  editor,
  browser,
  db,
  request,
}) => {
  test.setTimeout(90_000); // several pages and two browser contexts; the shared CI machine can be slow
  const claim = await makeTestClaim(db, { statement: `Depot strike confirmed ${unique("corr")}`, status: "CONFIRMED" });
  const reader = await (await browser.newContext()).newPage();
  // The reader has seen (and the server cached) the verdict before it changes.
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("Confirmed");

  await openClaimEditor(page, claim.id);
  const form = page.getByRole("form", { name: "Change status" });
  const rationale = `Satellite images show the depot intact; our earlier verdict was wrong ${unique("why")}.`;
  await form.getByLabel("New status").selectOption("DISPUTED");
  await form.getByLabel("Rationale").fill(rationale);
  await expect(form.getByTestId("will-be-proposed")).toBeVisible();
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("status")).toContainText("Proposed for review");
  // Readers see nothing until a second editor approves it (e2e/review.spec.ts goes through the buttons).
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("Confirmed");
  await approveAsSecondEditor(request, db, claim.id);

  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("Disputed");
  const timeline = reader.getByTestId("status-timeline");
  await expect(timeline).toContainText("Confirmed → Disputed");
  await expect(timeline).toContainText("Correction");
  await expect(timeline).toContainText(`proposed by ${editor.name}, approved by`);

  await reader.goto("/corrections");
  const entry = reader.getByTestId("corrections").getByRole("listitem").filter({ hasText: claim.statement });
  await expect(entry).toContainText(rationale);
  await expect(entry).toContainText("from Confirmed to Disputed");
  await reader.context().close();
});

test("a final verdict needs 20 characters of rationale and a linked source; the refusal shows at the fields", async ({
  editorPage: page,
  db,
}) => {
  const claim = await makeTestClaim(db, { sources: [], published: false });
  await openClaimEditor(page, claim.id);
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption("FALSE");
  await form.getByLabel("Rationale").fill("Too short.");
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByLabel("Rationale")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/at least 20 characters; this one has 10/)).toBeVisible();

  // Long enough now, but no source: the server refuses, at the status field, and keeps what was typed.
  const rationale = "No evidence supports the reported number of deaths.";
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByLabel("New status")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert").first()).toContainText("Link at least one source");
  await expect(form.getByLabel("Rationale")).toHaveValue(rationale);
  expect(await db.statusChange.count({ where: { claimId: claim.id } })).toBe(0);
});

test("a POSITION claim offers no status form and is labelled not rated", async ({ editorPage: page, db }) => {
  const claim = await makeTestClaim(db, { kind: "POSITION", published: false });
  await openClaimEditor(page, claim.id);
  await expect(page.getByTestId("position-not-rated")).toContainText("Position — not rated");
  await expect(page.getByRole("form", { name: "Change status" })).toHaveCount(0);
});

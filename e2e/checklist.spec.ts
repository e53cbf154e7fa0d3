import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openClaimEditor } from "./editor-pages";
import { approveAsSecondEditor } from "./server-actions";

// The verification checklist (docs/editing.md): an admin edits the list, an editor ticks steps on a claim, a final
// verdict with open steps is saved with a warning, and none of it reaches readers.

async function openChecklistAdmin(page: Page) {
  await page.goto("/admin/checklist");
  await expect(page.getByRole("button", { name: "Add step" })).toBeEnabled({ timeout: 20_000 });
}

async function addStep(page: Page, name: string) {
  const form = page.getByRole("form", { name: "Add a step" });
  await form.getByLabel("Step name").fill(name);
  await form.getByRole("button", { name: "Add step" }).click();
}

const stepForm = (page: Page, name: string) => page.getByRole("form", { name: `Step “${name}”` });

test("admin edits the list, an editor ticks, a final verdict with open steps is saved with a warning", async ({
  adminPage: admin,
  secondEditorPage: editor,
  secondEditor,
  browser,
  db,
  request,
}) => {
  test.setTimeout(120_000); // two signed-in contexts and a reader on the shared CI machine
  const marker = unique("step");
  const kept = `Check the satellite images ${marker}`;
  const old = `Ask the local stringer ${marker}`;

  // The admin adds two steps; bad names are refused at the field, and nothing is added.
  await openChecklistAdmin(admin);
  await addStep(admin, "   ");
  await expect(admin.getByRole("form", { name: "Add a step" }).getByLabel("Step name")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(admin.getByText("The step name is required.")).toBeVisible();
  await addStep(admin, `Draft name ${marker}`);
  await expect(stepForm(admin, `Draft name ${marker}`)).toBeVisible();
  await addStep(admin, `DRAFT NAME ${marker}`);
  await expect(admin.getByText(`A step named “Draft name ${marker}” is already on the checklist.`)).toBeVisible();
  await addStep(admin, old);
  await expect(stepForm(admin, old)).toBeVisible();

  // Rename, then move up: the new step now comes before the one added after it… and after it again.
  const row = stepForm(admin, `Draft name ${marker}`);
  await row.getByRole("textbox").fill(kept);
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(stepForm(admin, kept)).toBeVisible();
  await stepForm(admin, old).getByRole("button", { name: "Move up" }).click();
  const names = admin.getByTestId("checklist-step").getByRole("textbox");
  await expect(names.last()).toHaveValue(kept);
  await expect(names.nth(-2)).toHaveValue(old);
  await stepForm(admin, old).getByRole("textbox").fill("x".repeat(121));
  await stepForm(admin, old).getByRole("button", { name: "Rename" }).click();
  await expect(stepForm(admin, old).getByText("The step name is limited to 120 characters.")).toBeVisible();

  // The editor ticks two steps on a claim: who and when are shown.
  const claim = await makeTestClaim(db, { statement: `Checklist claim ${marker}` });
  await openClaimEditor(editor, claim.id);
  const checklist = editor.getByTestId("claim-checklist");
  await checklist.getByRole("checkbox", { name: "Geolocate" }).check();
  const geolocate = checklist.getByTestId("checklist-item").filter({ hasText: "Geolocate" });
  await expect(geolocate).toContainText(`ticked by ${secondEditor.name} at`);
  await checklist.getByRole("checkbox", { name: old }).check();
  await expect(checklist.getByTestId("checklist-item").filter({ hasText: old })).toContainText("ticked by");

  // The admin retires one of them: it leaves the list, and keeps its tick on the claim as history.
  await openChecklistAdmin(admin);
  await stepForm(admin, old).getByRole("button", { name: "Retire" }).click();
  await expect(admin.getByTestId("retired-steps")).toContainText(`${old} — ticked on 1 claim`);
  await expect(stepForm(admin, old)).toHaveCount(0);

  await openClaimEditor(editor, claim.id);
  const history = checklist.getByTestId("checklist-item").filter({ hasText: old });
  await expect(history).toContainText("(retired step)");
  await expect(history).toContainText(`ticked by ${secondEditor.name}`);
  await expect(history.getByRole("checkbox")).toBeChecked();
  await expect(history.getByRole("checkbox")).toBeDisabled();

  // A final verdict with open steps: a warning before saving, naming them; saved all the same, warned again.
  const form = editor.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption("FALSE");
  const warning = form.getByTestId("open-steps-warning");
  await expect(warning).toContainText("False is a final verdict, but");
  await expect(warning).toContainText("“Contact the claimant”");
  await expect(warning).toContainText(`“${kept}”`);
  await expect(warning).not.toContainText("“Geolocate”");
  await expect(warning).not.toContainText(old);
  await form.getByLabel("Rationale").fill("Satellite images show the depot intact after the reported strike.");
  await form.getByRole("button", { name: "Change status" }).click();
  // The claim is published, so the verdict is proposed for review (lib/domain/review-rules.ts); warned all the same.
  await expect(form.getByRole("status")).toContainText("Proposed for review");
  await expect(form.getByRole("status")).toContainText("Warning: False is a final verdict, but");
  await approveAsSecondEditor(request, db, claim.id);
  const saved = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } });
  expect(saved.status).toBe("FALSE");

  // Unticking works too.
  await checklist.getByRole("checkbox", { name: "Geolocate" }).uncheck();
  await expect(geolocate).toContainText("open");

  // Readers never see the checklist: not on the claim's page, not in its API answer.
  const reader = await (await browser.newContext()).newPage();
  const page = await reader.goto(`/claims/${claim.slug}`);
  expect(page?.status()).toBe(200);
  const body = await reader.content();
  for (const text of [kept, old, "ticked by", "Verification checklist"]) expect(body).not.toContain(text);
  const api = await reader.request.get(`/api/claims/${claim.slug}`);
  expect(api.status()).toBe(200);
  const json = await api.text();
  for (const text of [kept, old, "Geolocate", "tick"]) expect(json).not.toContain(text);
  await reader.context().close();
});

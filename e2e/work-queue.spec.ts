import type { Page } from "@playwright/test";
import { makeTestClaim, makeTestUser, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { openClaimEditor } from "./editor-pages";
import { expect, test } from "./fixtures";
import { actionId, callAction } from "./server-actions";

// Assignment, "My work" and the desk's settings (docs/editing.md): two editors in two browser contexts; proposals,
// notes and old status changes are written straight into the e2e database, as part of the state each test needs.

const DAY = 24 * 60 * 60 * 1000;

/** The N of "My work (N)" in the editor menu. */
async function navCount(page: Page): Promise<number> {
  const text = await page.getByTestId("my-work-count").textContent();
  const match = /^My work \((\d+)\)$/.exec(text ?? "");
  expect(match, `menu says “${text}”`).not.toBeNull();
  return Number(match![1]);
}

const section = (page: Page, id: string) => page.getByTestId(`work-${id}`);

test("assigning a claim puts it in the assignee's work and the menu's count", async ({
  editorPage: ana,
  secondEditorPage: bo,
  secondEditor,
  db,
}) => {
  test.setTimeout(90_000); // two signed-in contexts
  const statement = `Assigned claim ${unique("queue")}`;
  const claim = await makeTestClaim(db, { statement, published: false });

  await bo.goto("/editor");
  await expect(bo.getByRole("heading", { level: 1 })).toHaveText("My work");
  await expect(section(bo, "assigned")).toContainText("Assigned to me (0)");
  await expect(section(bo, "assigned")).toContainText("No claim is assigned to you.");
  const before = await navCount(bo);

  await openClaimEditor(ana, claim.id);
  const form = ana.getByTestId("assign-form");
  await expect(form.getByTestId("assignee")).toHaveText("Assigned to: nobody");
  await form.getByLabel("Assign to").selectOption({ label: secondEditor.name });
  await form.getByRole("button", { name: "Save assignment" }).click();
  await expect(form.getByRole("status")).toHaveText(`Assigned to ${secondEditor.name}.`);
  await expect(form.getByTestId("assignee")).toHaveText(`Assigned to: ${secondEditor.name}`);

  await bo.reload();
  await expect(section(bo, "assigned")).toContainText("Assigned to me (1)");
  await expect(section(bo, "assigned").getByRole("link", { name: statement })).toBeVisible();
  expect(await navCount(bo)).toBeGreaterThanOrEqual(before + 1);
  await expectNoAxeViolations(bo);

  // The claims list shows the assignee and filters by "to me".
  await bo.goto(`/editor/claims?assigned=me&q=${encodeURIComponent(statement)}`);
  const row = bo.getByTestId("editor-claims").getByRole("row", { name: new RegExp(statement) });
  await expect(row.getByTestId("assignee")).toHaveText(secondEditor.name);
  await ana.goto(`/editor/claims?assigned=me&q=${encodeURIComponent(statement)}`);
  await expect(ana.getByTestId("result-count")).toHaveText("No claims match these filters.");

  const events = await db.auditEvent.findMany({
    where: { entity: "Claim", entityId: String(claim.id), action: "assign" },
    select: { changes: true },
  });
  expect(events.map((e) => JSON.parse(e.changes) as unknown)).toEqual([{ assignee: [null, secondEditor.name] }]);

  // Back in the assignee's work item, the link opens the claim's editor page.
  await bo.goto("/editor");
  await section(bo, "assigned").getByRole("link", { name: statement }).click();
  await expect(bo).toHaveURL(`/editor/claims/${claim.id}`);
});

test("assigning to a disabled or a missing account is refused at the field, and nothing is written", async ({
  editor,
  request,
  db,
}) => {
  const claim = await makeTestClaim(db, { published: false });
  const disabled = await makeTestUser(db, { name: `Gone ${unique("ed")}`, disabled: true });
  const id = actionId("assignClaimAction", "assign-actions");
  const call = (assigneeId: number) =>
    callAction(request, id, [{ claimId: claim.id, assigneeId }], {
      path: `/editor/claims/${claim.id}`,
      cookie: editor.cookie,
    });
  const gone = (await call(disabled.id)).result as { ok: boolean; fieldErrors: Record<string, string[]> };
  expect(gone.ok).toBe(false);
  expect(gone.fieldErrors.assigneeId).toEqual([`${disabled.name}'s account is disabled: choose an active editor.`]);
  const missing = (await call(99_999_999)).result as { ok: boolean; fieldErrors: Record<string, string[]> };
  expect(missing.fieldErrors.assigneeId?.[0]).toMatch(/There is no such account/);
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
  expect(await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id), action: "assign" } })).toBe(
    0,
  );
});

test("proposals wait for the other editor's review; a sent-back one comes back to its proposer with the comment", async ({
  editorPage: ana,
  editor,
  secondEditorPage: bo,
  secondEditor,
  db,
}) => {
  test.setTimeout(90_000);
  const pending = await makeTestClaim(db, { statement: `Pending ${unique("queue")}`, published: false });
  const sentBack = await makeTestClaim(db, { statement: `Sent back ${unique("queue")}` });
  const comment = `Name a second source ${unique("comment")}`;
  await db.proposal.create({
    data: {
      claimId: pending.id,
      kind: "PUBLISH",
      status: "FALSE",
      rationale: "The footage predates the strike by two years.",
      claimVersion: 1,
      proposerId: editor.id,
    },
  });
  await db.proposal.create({
    data: {
      claimId: sentBack.id,
      kind: "VERDICT",
      status: "CONFIRMED",
      rationale: "Two agencies confirm the figure independently.",
      claimVersion: 1,
      proposerId: editor.id,
      state: "SENT_BACK",
      reviewerId: secondEditor.id,
      reviewComment: comment,
      decidedAt: new Date(),
    },
  });

  await bo.goto("/editor");
  const toReview = section(bo, "review");
  await expect(toReview.getByRole("link", { name: pending.statement })).toBeVisible();
  await expect(toReview).toContainText(`Publication: False, proposed by ${editor.name}`);
  await expect(section(bo, "sent-back").getByRole("link", { name: sentBack.statement })).toHaveCount(0);

  await ana.goto("/editor");
  await expect(section(ana, "review").getByRole("link", { name: pending.statement })).toHaveCount(0);
  const back = section(ana, "sent-back").getByRole("listitem").filter({ hasText: sentBack.statement });
  await expect(back).toContainText(`sent back by ${secondEditor.name}`);
  await expect(back.getByTestId("review-comment")).toHaveText(comment);
});

test("a note mentioning an editor and a claim long In review appear in the queue", async ({
  editor,
  secondEditorPage: bo,
  secondEditor,
  db,
}) => {
  const mentioned = await makeTestClaim(db, { statement: `Mentioned ${unique("queue")}`, published: false });
  const note = await db.claimNote.create({
    data: { claimId: mentioned.id, authorId: editor.id, text: `@${secondEditor.email.split("@")[0]} please check` },
  });
  await db.noteMention.create({ data: { noteId: note.id, userId: secondEditor.id } });
  // 70 days: stale whatever the setting (at most 60 days; lib/validation/desk-settings.ts).
  const since = new Date(Date.now() - 70 * DAY);
  const stale = await makeTestClaim(db, {
    statement: `Long in review ${unique("queue")}`,
    status: "IN_REVIEW",
    published: false,
    statusHistory: [{ from: "UNVERIFIED", to: "IN_REVIEW", rationale: "Checking the footage", createdAt: since }],
  });
  const fresh = await makeTestClaim(db, {
    statement: `Just in review ${unique("queue")}`,
    status: "IN_REVIEW",
    published: false,
  });

  await bo.goto("/editor");
  const mentions = section(bo, "mentions").getByRole("listitem").filter({ hasText: mentioned.statement });
  await expect(mentions).toContainText(`Mentioned by ${editor.name}`);
  const staleItem = section(bo, "stale").getByRole("listitem").filter({ hasText: stale.statement });
  await expect(staleItem).toContainText("In review since");
  await expect(section(bo, "stale").getByRole("link", { name: fresh.statement })).toHaveCount(0);
  // The menu counts what the sections hold (both read in this request; other tests may add items meanwhile).
  expect(await navCount(bo)).toBeGreaterThanOrEqual(2);
});

test("the desk settings page saves, refuses days outside 1–60, warns before review is turned off and shows the change", async ({
  adminPage: page,
  admin,
  request,
  db,
}) => {
  test.setTimeout(90_000);
  const before = await db.deskSettings.findUnique({ where: { id: 1 } });
  const days = (before?.staleReviewDays ?? 3) === 7 ? 8 : 7;
  const events = () => db.auditEvent.count({ where: { entity: "DeskSettings" } });
  const eventsBefore = await events();
  try {
    await page.goto("/admin/settings");
    const save = page.getByRole("button", { name: "Save settings" });
    await expect(save).toBeEnabled({ timeout: 20_000 });
    const input = page.getByLabel("Days before a claim In review counts as stale");
    for (const bad of ["0", "61", "abc"]) {
      await input.fill(bad);
      await save.click();
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Enter a whole number of days from 1 to 60.")).toBeVisible();
    }
    // The server refuses the same, whatever the browser let through.
    const refused = (
      await callAction(
        request,
        actionId("saveDeskSettingsAction", "admin/settings"),
        [{ reviewRequired: true, staleReviewDays: 61 }],
        { path: "/admin/settings", cookie: admin.cookie },
      )
    ).result as { ok: boolean; fieldErrors: Record<string, string[]> };
    expect(refused.fieldErrors.staleReviewDays).toEqual(["Enter a whole number of days from 1 to 60."]);
    expect(await events()).toBe(eventsBefore);

    // Unticking review shows what it would allow; it stays on here (other specs rely on review being on).
    const review = page.getByLabel("Review by a second editor");
    await expect(review).toBeChecked();
    await review.uncheck();
    await expect(page.getByTestId("review-off-warning")).toContainText("one editor alone can publish a verdict");
    await review.check();
    await expect(page.getByTestId("review-off-warning")).toHaveCount(0);

    await input.fill(String(days));
    await save.click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
    await expect(page.getByTestId("settings-changes")).toContainText(
      `stale review days: ${before?.staleReviewDays ?? 3} → ${days}`,
    );
    expect(await events()).toBe(eventsBefore + 1);
    expect((await db.deskSettings.findUniqueOrThrow({ where: { id: 1 } })).staleReviewDays).toBe(days);
    await expectNoAxeViolations(page);

    await page.goto("/admin/audit?entity=DeskSettings");
    const row = page.getByRole("row").filter({ hasText: admin.email }).first();
    await expect(row).toContainText("stale review days");
    await expect(row).toContainText(String(days));

    await page.goto("/admin");
    await expect(page.getByRole("main").getByRole("link", { name: "Settings" })).toHaveAttribute(
      "href",
      "/admin/settings",
    );
  } finally {
    // Put the setting back as it was for the specs that run after this one.
    await db.deskSettings.upsert({
      where: { id: 1 },
      create: { id: 1, staleReviewDays: before?.staleReviewDays ?? 3, reviewRequired: before?.reviewRequired ?? true },
      update: { staleReviewDays: before?.staleReviewDays ?? 3, reviewRequired: before?.reviewRequired ?? true },
    });
  }
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { openClaimEditor } from "./editor-pages";
import { actionId, callAction } from "./server-actions";

// Review before readers see a verdict (lib/domain/review-rules.ts, lib/data/writes/proposals.ts), with two editors
// in two browser contexts: the proposer (`editorPage`) and the reviewer (`secondEditorPage`). The desk's setting
// is never changed here (the e2e database is shared by workers): review is on, its default; the setting switched
// off is tested in tests/claim-writes.test.ts and tests/status-workflow.test.ts.

const RATIONALE = "Hospital records list three deaths, not twelve; no independent access to the site.";

async function proposeStatus(page: Page, claimId: number, status: string, rationale = RATIONALE) {
  await openClaimEditor(page, claimId);
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByLabel("New status").selectOption(status);
  await expect(form.getByTestId("will-be-proposed")).toBeVisible();
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("status")).toContainText("Proposed for review");
  await expect(page.getByTestId("pending-proposal")).toBeVisible();
}

test("proposed, unseen by readers, approved by a second editor: then readers see it with both names", async ({
  editorPage: proposer,
  editor,
  secondEditorPage: reviewer,
  secondEditor,
  browser,
  db,
}) => {
  test.setTimeout(90_000); // three browser contexts
  const claim = await makeTestClaim(db, { statement: `Reviewed strike ${unique("review")}` });
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("Unverified");
  // The methodology says which rule is in force: review, the default, never switched off by these specs.
  await reader.goto("/methodology");
  await expect(reader.getByTestId("review-in-force")).toContainText("This rule is in force");

  await proposeStatus(proposer, claim.id, "FALSE");
  const mine = proposer.getByTestId("pending-proposal");
  await expect(mine).toContainText("Verdict: False");
  await expect(mine).toContainText(RATIONALE);
  await expect(mine).toContainText(claim.sources[0]!.title);
  // The proposer cannot approve: no button, and the action refuses a crafted call.
  await expect(mine.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const proposal = await db.proposal.findFirstOrThrow({ where: { claimId: claim.id, state: "PENDING" } });
  const self = await callAction(
    proposer.request,
    actionId("approveProposalAction", "proposal-actions"),
    [{ claimId: claim.id, proposalId: proposal.id }],
    { path: `/editor/claims/${claim.id}`, cookie: editor.cookie },
  );
  expect(self.result).toMatchObject({ ok: false, formError: expect.stringMatching(/another editor must review it/) });

  // Readers see nothing of it.
  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("Unverified");
  expect(await reader.content()).not.toContain(RATIONALE);

  // The reviewer sees who proposed it and what, and approves.
  await openClaimEditor(reviewer, claim.id);
  const pending = reviewer.getByTestId("pending-proposal");
  await expect(pending).toContainText(`proposed by ${editor.name}`);
  await expect(pending).toContainText(claim.sources[0]!.title);
  await expectNoAxeViolations(reviewer);
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("pending-proposal")).toHaveCount(0);
  await expect(reviewer.getByTestId("editor-status-history")).toContainText(
    `proposed by ${editor.name}, approved by ${secondEditor.name}`,
  );

  await reader.goto(`/claims/${claim.slug}`);
  await expect(reader.getByTestId("verdict")).toContainText("False");
  await expect(reader.getByTestId("status-timeline")).toContainText(
    `proposed by ${editor.name}, approved by ${secondEditor.name}`,
  );
  expect(await db.statusChange.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({
    editorId: secondEditor.id,
    proposedById: editor.id,
  });
  // The API's history names both too.
  const api = (await (await reader.request.get(`/api/claims/${claim.slug}`)).json()) as {
    data: { statusHistory: { to: string; editorName: string | null; proposedByName: string | null }[] };
  };
  expect(api.data.statusHistory.at(-1)).toMatchObject({
    to: "FALSE",
    editorName: secondEditor.name,
    proposedByName: editor.name,
  });
  await reader.context().close();
});

test("sent back with a comment the proposer reads; withdrawn by its proposer", async ({
  editorPage: proposer,
  secondEditorPage: reviewer,
  secondEditor,
  db,
}) => {
  test.setTimeout(90_000);
  const claim = await makeTestClaim(db, { statement: `Sent back ${unique("back")}` });
  await proposeStatus(proposer, claim.id, "MISLEADING");

  await openClaimEditor(reviewer, claim.id);
  const pending = reviewer.getByTestId("pending-proposal");
  // A comment is required to send it back.
  await pending.getByRole("button", { name: "Send back" }).click();
  await expect(pending.getByLabel("Comment for the proposer")).toHaveAttribute("aria-invalid", "true");
  const comment = `Name the second source in the rationale ${unique("c")}.`;
  await pending.getByLabel("Comment for the proposer").fill(comment);
  await pending.getByRole("button", { name: "Send back" }).click();
  await expect(reviewer.getByTestId("pending-proposal")).toHaveCount(0);

  await proposer.reload();
  const sentBack = proposer.getByTestId("sent-back-proposal");
  await expect(sentBack).toContainText(`Sent back by ${secondEditor.name}`);
  await expect(sentBack.getByTestId("review-comment")).toHaveText(comment);
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("UNVERIFIED");

  // Proposed again, then withdrawn by the proposer: nothing changes.
  await proposeStatus(proposer, claim.id, "MISLEADING");
  await proposer.getByRole("button", { name: "Withdraw the proposal" }).click();
  await expect(proposer.getByTestId("pending-proposal")).toHaveCount(0);
  expect(
    (await db.proposal.findMany({ where: { claimId: claim.id }, orderBy: { id: "asc" }, select: { state: true } })).map(
      (p) => p.state,
    ),
  ).toEqual(["SENT_BACK", "WITHDRAWN"]);
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("UNVERIFIED");
});

test("approving a proposal whose claim changed since, or one already approved, is refused", async ({
  editorPage: proposer,
  secondEditorPage: reviewer,
  browser,
  loginAs,
  db,
}) => {
  test.setTimeout(90_000);
  // Stale: the proposer fixes the statement after proposing.
  const stale = await makeTestClaim(db, { statement: `Stale proposal ${unique("stale")}` });
  await proposeStatus(proposer, stale.id, "FALSE");
  const details = proposer.getByRole("form", { name: "Claim details" });
  await details.getByLabel("Statement (in English)").fill(`${stale.statement} (typo fixed)`);
  await details.getByRole("button", { name: "Save claim" }).click();
  await expect(details.getByRole("status")).toContainText("Saved");
  await openClaimEditor(reviewer, stale.id);
  await reviewer.getByTestId("pending-proposal").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("pending-proposal")).toContainText("The claim changed since this was proposed");
  expect((await db.claim.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("UNVERIFIED");

  // Twice: two reviewers open the page; the second one's approval comes after the first.
  const twice = await makeTestClaim(db, { statement: `Approved twice ${unique("twice")}` });
  await proposeStatus(proposer, twice.id, "FALSE");
  const third = await browser.newContext();
  await loginAs(third);
  const late = await third.newPage();
  await openClaimEditor(reviewer, twice.id);
  await openClaimEditor(late, twice.id);
  await reviewer.getByTestId("pending-proposal").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("pending-proposal")).toHaveCount(0);
  await late.getByTestId("pending-proposal").getByRole("button", { name: "Approve" }).click();
  await expect(late.getByTestId("pending-proposal")).toContainText("already approved");
  expect(await db.statusChange.count({ where: { claimId: twice.id } })).toBe(1);
  await third.close();
});

import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openClaimEditor } from "./editor-pages";

// No lost updates: two editors open the same claim; the first save wins, the second is refused with who changed
// the claim and when, keeps what its editor typed, and writes nothing.

test("the second of two editors saving the same version gets the conflict message and nothing is lost", async ({
  editorPage: pageA,
  editor: alice,
  secondEditorPage: pageB,
  db,
}) => {
  test.setTimeout(60_000); // two browser contexts, five saves
  const claim = await makeTestClaim(db, {
    statement: `Original statement ${unique("race")}`,
    location: "Khost",
    published: false,
  });

  await openClaimEditor(pageA, claim.id);
  await openClaimEditor(pageB, claim.id);

  const formA = pageA.getByRole("form", { name: "Claim details" });
  const formB = pageB.getByRole("form", { name: "Claim details" });
  const aliceStatement = `Alice's corrected statement ${unique("a")}`;
  await formA.getByLabel("Statement (in English)").fill(aliceStatement);
  await formA.getByRole("button", { name: "Save claim" }).click();
  await expect(formA.getByRole("status")).toContainText("Saved");

  await formB.getByLabel("Location (optional)").fill("Kurram district");
  await formB.getByRole("button", { name: "Save claim" }).click();
  const conflict = formB.getByTestId("conflict");
  await expect(conflict).toContainText(`Changed by ${alice.name} at`);
  await expect(conflict).toContainText("since you opened it");
  await expect(conflict.getByRole("link", { name: "Reload the latest version" })).toHaveAttribute(
    "href",
    `/editor/claims/${claim.id}`,
  );
  // What the second editor typed is still there, and nothing of it was written.
  await expect(formB.getByLabel("Location (optional)")).toHaveValue("Kurram district");
  const row = await db.claim.findUniqueOrThrow({
    where: { id: claim.id },
    select: { statement: true, location: true, version: true },
  });
  expect(row).toEqual({ statement: aliceStatement, location: "Khost", version: 2 });
  expect(await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id) } })).toBe(1);

  // Other forms on the stale page are refused too: a status change made from it would hide Alice's edit.
  const statusB = pageB.getByRole("form", { name: "Change status" });
  await statusB.getByLabel("New status").selectOption("IN_REVIEW");
  await statusB.getByLabel("Rationale").fill("Checking the district figures.");
  await statusB.getByRole("button", { name: "Change status" }).click();
  await expect(statusB.getByTestId("conflict")).toContainText(`Changed by ${alice.name}`);
  expect(await db.statusChange.count({ where: { claimId: claim.id } })).toBe(0);

  // Reloading shows Alice's version; the second editor's change then goes through.
  await conflict.getByRole("link", { name: "Reload the latest version" }).click();
  await expect(pageB.getByTestId("editor-statement")).toHaveText(aliceStatement);
  await expect(formB.getByRole("button", { name: "Save claim" })).toBeEnabled();
  await formB.getByLabel("Location (optional)").fill("Kurram district");
  await formB.getByRole("button", { name: "Save claim" }).click();
  await expect(formB.getByRole("status")).toContainText("Saved");
  expect(
    await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      select: { statement: true, location: true, version: true },
    }),
  ).toEqual({
    statement: aliceStatement,
    location: "Kurram district",
    version: 3,
  });
});

test("an editor's own saves from one page never conflict with each other", async ({ editorPage: page, db }) => {
  const claim = await makeTestClaim(db, { published: false });
  await openClaimEditor(page, claim.id);
  const status = page.getByRole("form", { name: "Change status" });
  await status.getByLabel("New status").selectOption("IN_REVIEW");
  await status.getByLabel("Rationale").fill("Started checking.");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toContainText("Status changed");

  const details = page.getByRole("form", { name: "Claim details" });
  await details.getByLabel("Location (optional)").fill("Spin Boldak");
  await details.getByRole("button", { name: "Save claim" }).click();
  await expect(details.getByRole("status")).toContainText("Saved");
  await page.getByLabel("I have checked the statement, its status and its sources").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("link", { name: "View as readers see it" })).toBeVisible();
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version).toBe(4);
});

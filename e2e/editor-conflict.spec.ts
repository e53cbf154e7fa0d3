import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openClaimEditor } from "./editor-pages";

// No lost updates, and no needless conflicts (docs/decisions/0025-conflicts-per-field.md): two editors open the same
// claim. Changes to different things both go through — a statement fix in one browser, a figure and a location in
// the other. A change to the same field is refused with what changed (the field, their value and yours, who and
// when), keeps what its editor typed, and writes nothing. A status change from the stale page stays refused.

test("two editors: unrelated changes both save; the same field changed twice is refused, naming it", async ({
  editorPage: pageA,
  editor: alice,
  secondEditorPage: pageB,
  db,
}) => {
  test.setTimeout(90_000); // two browser contexts, six saves
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

  // B, on the page opened before Alice's save, adds a figure: it does not depend on the statement.
  const figureB = pageB.getByRole("form", { name: "Add a casualty figure" });
  await figureB.getByLabel("Reported by").selectOption(String(claim.claimant.id));
  await figureB.getByLabel("Who").selectOption("CIVILIANS");
  await figureB.getByLabel("Outcome").selectOption("KILLED");
  await figureB.getByLabel("Lowest figure").fill("4");
  await figureB.getByLabel("Highest figure").fill("6");
  await figureB.getByLabel("Why no source can be named").fill("Read out at a briefing; no transcript was published.");
  await figureB.getByRole("button", { name: "Add figure" }).click();
  await expect(figureB.getByRole("status")).toHaveText("Figure added.");
  expect(await db.casualtyFigure.count({ where: { claimId: claim.id, min: 4, max: 6 } })).toBe(1);

  // B changes the location in the details form, which still shows the old statement: Alice's statement is kept.
  await formB.getByLabel("Location (optional)").fill("Kurram district");
  await formB.getByRole("button", { name: "Save claim" }).click();
  await expect(formB.getByRole("status")).toContainText("Another editor changed the statement");
  expect(
    await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { statement: true, location: true } }),
  ).toEqual({ statement: aliceStatement, location: "Kurram district" });

  // B now edits the statement too: refused, naming the statement, Alice's value, Alice and when.
  const audits = await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id) } });
  const bobStatement = `Bob's statement ${unique("b")}`;
  await formB.getByLabel("Statement (in English)").fill(bobStatement);
  await formB.getByRole("button", { name: "Save claim" }).click();
  const conflict = formB.getByTestId("conflict");
  await expect(conflict).toContainText(`${alice.name} changed the statement at`);
  await expect(conflict).toContainText(`it is now “${aliceStatement}”; yours is “${bobStatement}”`);
  await expect(conflict).toContainText("Nothing was saved");
  await expect(conflict.getByRole("link", { name: "Reload the latest version" })).toHaveAttribute(
    "href",
    `/editor/claims/${claim.id}`,
  );
  await expect(formB.getByLabel("Statement (in English)")).toHaveValue(bobStatement);
  expect(
    await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { statement: true, location: true } }),
  ).toEqual({ statement: aliceStatement, location: "Kurram district" });
  expect(await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id) } })).toBe(audits);

  // A status change from B's page stays version-checked: it would rate a statement B has not seen.
  const statusB = pageB.getByRole("form", { name: "Change status" });
  await statusB.getByLabel("New status").selectOption("IN_REVIEW");
  await statusB.getByLabel("Rationale").fill("Checking the district figures.");
  await statusB.getByRole("button", { name: "Change status" }).click();
  await expect(statusB.getByTestId("conflict")).toContainText(`Changed by`);
  expect(await db.statusChange.count({ where: { claimId: claim.id } })).toBe(0);

  // Reloading shows Alice's statement; B's edit of it then goes through.
  await conflict.getByRole("link", { name: "Reload the latest version" }).click();
  await expect(pageB.getByTestId("editor-statement")).toHaveText(aliceStatement);
  await expect(formB.getByRole("button", { name: "Save claim" })).toBeEnabled();
  await formB.getByLabel("Statement (in English)").fill(bobStatement);
  await formB.getByRole("button", { name: "Save claim" }).click();
  await expect(formB.getByRole("status")).toContainText("Saved");
  expect(
    await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { statement: true, location: true } }),
  ).toEqual({ statement: bobStatement, location: "Kurram district" });
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

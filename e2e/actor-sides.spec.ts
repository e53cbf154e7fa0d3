import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { openNewClaim } from "./editor-pages";

// Issue 11, item 8: an editor sets the claimant's side on the claim page; the parity table on / and the API group
// and show it by side from the next request (the write refreshes the reader tag).

test("an editor sets the claimant's side, refused input stays at the field, and readers see it in parity and the API", async ({
  editorPage: page,
  request,
  db,
}) => {
  const claim = await makeTestClaim(db, { status: "DISPUTED", claimantName: unique("Side Actor") });
  const side = unique("Side");

  await page.goto(`/editor/claims/${claim.id}`);
  const form = page.getByTestId("actor-side");
  const input = form.getByRole("combobox", { name: /Side of .* in the story/ });
  await input.fill("x".repeat(79) + "\u0007y");
  await form.getByRole("button", { name: "Save side" }).click();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toContainText("The side");

  await input.fill(`  ${side}  `);
  await form.getByRole("button", { name: "Save side" }).click();
  await expect(form).toContainText(`Side set to “${side}”.`);

  const home = await (await request.get("/")).text();
  expect(home).toContain(`<th scope="row">${side}</th>`);
  const api = (await (await request.get(`/api/claims?actor=${claim.claimant.slug}`)).json()) as {
    data: { claimant: { side: string | null } }[];
  };
  expect(api.data.map((c) => c.claimant.side)).toEqual([side]);

  // Cleared: none or independent.
  await input.fill("");
  await form.getByRole("button", { name: "Save side" }).click();
  await expect(form).toContainText("Side cleared: none or independent.");
  expect(await (await request.get("/")).text()).not.toContain(side);

  const audit = await db.auditEvent.findMany({
    where: { entity: "Actor", entityId: String(claim.claimant.id) },
    orderBy: { id: "asc" },
    select: { action: true, changes: true },
  });
  expect(audit.map((a) => [a.action, JSON.parse(a.changes)])).toEqual([
    ["set-side", { side: [null, side] }],
    ["set-side", { side: [side, null] }],
  ]);
});

test("a new claimant gets its side in the claim form, and readers see the side on the claim and actor pages", async ({
  editorPage: page,
  request,
  db,
}) => {
  const name = unique("Sided claimant");
  const side = unique("Side of the story");
  await openNewClaim(page);
  await page.getByLabel("Statement (in English)").fill(`A depot near the border was struck ${unique("side")}`);
  await page.getByLabel("A new actor").check();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind of actor").selectOption("MILITARY");
  await page.getByLabel("Side in the story (optional)").fill(side);
  await page.getByLabel("Category").selectOption("CASUALTIES");
  await page.getByLabel("Date claimed").fill("2026-11-20");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/editor\/claims\/\d+\?created=1$/);

  const actor = await db.actor.findFirstOrThrow({ where: { name }, select: { id: true, slug: true, side: true } });
  expect(actor.side).toBe(side);
  // Published straight in the database: publishing's own rules are not what this test is about, and neither page
  // was requested before, so no cached copy stands in the way.
  const { slug } = await db.claim.update({
    where: { id: Number(new URL(page.url()).pathname.split("/").at(-1)) },
    data: { publishedAt: new Date() },
    select: { slug: true },
  });

  // Pages whole without JavaScript: the server's HTML carries the side (React separates text parts with comments).
  const html = async (path: string) => (await (await request.get(path)).text()).replaceAll("<!-- -->", "");
  expect(await html(`/claims/${slug}`)).toContain(`Side: ${side}`);
  expect(await html(`/actors/${actor.slug}`)).toContain(`Side in the story: ${side}`);

  // An actor with no side says so, where the claimant is shown.
  const independent = await makeTestClaim(db, { claimantName: unique("No side actor") });
  expect(await html(`/claims/${independent.slug}`)).toContain("Side: None or independent");
});

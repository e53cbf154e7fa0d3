import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";

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

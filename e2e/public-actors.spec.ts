import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { actionId, approveAsSecondEditor, callAction } from "./server-actions";

// Issue 10, item 2: an actor typed into a draft is not public. Readers see it once a claim naming it is published
// or an editor shows it explicitly, on their next request (the writes refresh the reader tag), and not after.

/** What an anonymous reader gets of the actor: on /actors, in the claimant filter of /claims, and its own page. */
async function readerView(request: APIRequestContext, slug: string, name: string) {
  const [list, claims, page] = await Promise.all([
    request.get("/actors"),
    request.get("/claims"),
    request.get(`/actors/${slug}`, { failOnStatusCode: false }),
  ]);
  return {
    listed: (await list.text()).includes(name),
    inFilter: (await claims.text()).includes(`value="${slug}"`),
    page: page.status(),
  };
}

test("an actor only a draft names is shown when the claim is published or the editor shows it", async ({
  editorPage: page,
  request,
  db,
}) => {
  const draft = await makeTestClaim(db, { published: false, claimantName: unique("Hidden Actor") });
  const { slug, name } = draft.claimant;
  const hidden = { listed: false, inFilter: false, page: 404 };
  expect(await readerView(request, slug, name)).toEqual(hidden);

  await page.goto(`/editor/claims/${draft.id}`);
  const control = page.getByTestId("actor-publish");
  await expect(control).toContainText("readers cannot see it");

  await page.getByLabel("I have checked the statement, its status and its sources").check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unpublish (retract)" })).toBeVisible();
  expect(await readerView(request, slug, name)).toEqual({ listed: true, inFilter: true, page: 200 });

  // Taking the claim down is a retraction: a reason, and a second editor's approval before it takes effect.
  await page.getByLabel("Reason for taking it down").fill("Published before the claimant was confirmed.");
  await page.getByRole("button", { name: "Unpublish (retract)" }).click();
  await expect(page.getByTestId("pending-proposal")).toBeVisible();
  expect(await readerView(request, slug, name)).toEqual({ listed: true, inFilter: true, page: 200 });
  await approveAsSecondEditor(request, db, draft.id);
  await page.reload();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  expect(await readerView(request, slug, name)).toEqual(hidden);

  await control.getByRole("button", { name: "Show this actor to readers now" }).click();
  await expect(control.getByRole("button", { name: "Stop showing this actor to readers" })).toBeVisible();
  await expect(control).toContainText("published by an editor");
  // Shown, though it has no published claim: listed and its page, not in the filter of claims it has none of.
  expect(await readerView(request, slug, name)).toEqual({ listed: true, inFilter: false, page: 200 });

  await control.getByRole("button", { name: "Stop showing this actor to readers" }).click();
  await expect(control.getByRole("button", { name: "Show this actor to readers now" })).toBeVisible();
  expect(await readerView(request, slug, name)).toEqual(hidden);

  const audit = await db.auditEvent.findMany({
    where: { entity: "Actor", entityId: String(draft.claimant.id) },
    orderBy: { id: "asc" },
    select: { action: true },
  });
  expect(audit.map((a) => a.action)).toEqual(["publish", "unpublish"]);
});

test("showing an actor is refused to anonymous callers and to bad input, and nothing is written", async ({
  request,
  editor,
  db,
}) => {
  const draft = await makeTestClaim(db, { published: false });
  const id = actionId("setActorPublishedAction", "actor-actions");
  const path = `/editor/claims/${draft.id}`;
  const anonymous = await callAction(request, id, [{ actorId: draft.claimant.id, published: true }], { path });
  expect(anonymous.status).toBe(307);
  for (const input of [
    { actorId: draft.claimant.id, published: "yes" },
    { actorId: { gt: 0 }, published: true },
    { actorId: 2_000_000_000, published: true },
  ]) {
    const response = await callAction(request, id, [input], { path, cookie: editor.cookie });
    expect(response.status, JSON.stringify(input)).toBe(200);
    expect(response.result, JSON.stringify(input)).toMatchObject({ ok: false });
  }
  const actor = await db.actor.findUniqueOrThrow({ where: { id: draft.claimant.id }, select: { published: true } });
  expect(actor.published).toBe(false);
  expect(await db.auditEvent.count({ where: { entity: "Actor", entityId: String(draft.claimant.id) } })).toBe(0);
});

import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { actionId, callAction } from "./server-actions";

// Issue 12, item 3: a claim names the actors it is about besides its claimant (docs/decisions/0029-claims-about-actors.md).
// The editor ticks them in the claim form; readers find them on the claim page, under "Claims about" on the actor's
// page, in the list's and the API's `about` filter; an actor only a draft is about stays unseen.

const UPDATE = { name: "updateClaimAction", module: "claim-actions" };

type ApiList = { data: { slug: string; about: { slug: string; name: string }[] }[]; total: number };

async function apiAbout(request: APIRequestContext, slug: string) {
  const response = await request.get(`/api/claims?about=${slug}`, { failOnStatusCode: false });
  return { status: response.status(), body: (await response.json()) as ApiList & { errors?: unknown } };
}

test("an editor sets what a claim is about; readers see it on both pages and the filters narrow to it", async ({
  editorPage: page,
  browser,
  request,
  db,
}) => {
  // Two browsers and a dozen pages on a shared machine: more than the default 30 s.
  test.setTimeout(90_000);
  // An actor only a draft names (hidden), and a published claim by someone else that will be about it.
  const hiddenActor = await makeTestClaim(db, { published: false, claimantName: unique("About Subject") });
  const subject = hiddenActor.claimant;
  const claim = await makeTestClaim(db, { statement: `About test ${unique("claim")}: a depot was struck.` });
  const unrelated = await makeTestClaim(db, { claimantId: claim.claimant.id });
  expect((await request.get(`/actors/${subject.slug}`, { failOnStatusCode: false })).status()).toBe(404);

  await page.goto(`/editor/claims/${claim.id}`);
  // The page prefetches its "View as readers see it" link: let that finish first, so the save expires what it cached.
  await page.waitForLoadState("networkidle");
  const group = page.getByRole("group", { name: "About (actors)" });
  await group.getByRole("checkbox", { name: subject.name }).check();
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  expect(await db.claimAbout.findMany({ where: { claimId: claim.id }, select: { actorId: true } })).toEqual([
    { actorId: subject.id },
  ]);
  const audit = await db.auditEvent.findFirst({
    where: { entity: "Claim", entityId: String(claim.id), action: "update" },
    orderBy: { id: "desc" },
    select: { changes: true },
  });
  expect(JSON.parse(audit!.changes)).toMatchObject({ about: ["", String(subject.id)] });

  // The claim page names it with a link; the actor is public now, its page lists the claim under "Claims about".
  await page.goto(`/claims/${claim.slug}`);
  const about = page.getByTestId("claim-about");
  await expect(about).toContainText(`About: ${subject.name}`);
  await about.getByRole("link", { name: subject.name }).click();
  await expect(page).toHaveURL(new RegExp(`/actors/${subject.slug}$`));
  await expect(page.getByRole("heading", { level: 2, name: `Claims about ${subject.name}` })).toBeVisible();
  await expect(page.getByTestId("claims-about")).toContainText(claim.statement);
  await expect(page.getByTestId("claims-by")).not.toContainText(claim.statement);

  // The list's plain GET form has an "About" choice, without JavaScript; picking it narrows the list to this claim.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const reader = await context.newPage();
  await reader.goto("/claims");
  const form = reader.getByRole("search", { name: "Filter claims" });
  await expect(form.getByLabel("About", { exact: true }).locator(`option[value="${subject.slug}"]`)).toHaveCount(1);
  // What submitting that choice asks for (the form is a plain GET to /claims).
  await reader.goto(`/claims?about=${subject.slug}`);
  const results = reader.getByRole("list", { name: "Claims" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results).toContainText(claim.statement);
  await expect(results).not.toContainText(unrelated.statement);
  await context.close();

  // The API: the same filter, `about` on each claim, the CSV column, and a 400 for an unknown actor.
  const api = await apiAbout(request, subject.slug);
  expect(api.status).toBe(200);
  expect(api.body.total).toBe(1);
  expect(api.body.data[0]).toMatchObject({ slug: claim.slug, about: [{ slug: subject.slug, name: subject.name }] });
  const csv = await (await request.get(`/api/claims.csv?about=${subject.slug}`)).text();
  const [header, row] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(header!.split(",").at(-1)).toBe("about");
  expect(row!.endsWith(`,${subject.slug}`)).toBe(true);
  expect((await apiAbout(request, `no-such-actor-${unique("x")}`)).status).toBe(400);
});

test("an actor only a draft is about is not revealed anywhere readers look", async ({ request, db }) => {
  const hidden = await makeTestClaim(db, { published: false, claimantName: unique("Draft Subject") });
  const subject = hidden.claimant;
  const draft = await makeTestClaim(db, {
    published: false,
    statement: `Draft about ${unique("claim")}: never shown.`,
    aboutIds: [subject.id],
  });
  // A published claim by the draft's claimant: its actor page is public, the draft on it must not be.
  await makeTestClaim(db, { claimantId: draft.claimant.id });

  expect((await request.get(`/actors/${subject.slug}`, { failOnStatusCode: false })).status()).toBe(404);
  const surfaces = [
    "/actors",
    "/claims",
    `/claims?about=${subject.slug}`,
    `/actors/${draft.claimant.slug}`,
    "/sitemap.xml",
  ];
  for (const path of surfaces) {
    const text = await (await request.get(path)).text();
    expect(text, path).not.toContain(subject.name);
    expect(text, path).not.toContain(draft.statement);
    expect(text, path).not.toContain(`/actors/${subject.slug}`);
  }
  const api = await apiAbout(request, subject.slug);
  expect(api.status).toBe(400);
  expect(JSON.stringify(api.body)).not.toContain(draft.statement);
});

test("bad lists of actors are refused at the about field and nothing is written", async ({ request, editor, db }) => {
  const claim = await makeTestClaim(db);
  const before = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
  const good = {
    claimId: claim.id,
    version: before.version,
    statement: `Edited ${unique("about")}`,
    category: "OTHER",
    kind: "FACT",
    claimant: { mode: "existing", actorId: claim.claimant.id },
    claimedAt: "2026-11-20",
  };
  const others = await Promise.all(Array.from({ length: 11 }, () => makeTestClaim(db, { published: false })));
  const ids = others.map((c) => c.claimant.id);
  const cases: [unknown, RegExp][] = [
    [[2_000_000_000], /does not exist/],
    [[claim.claimant.id, claim.claimant.id], /listed once/],
    [ids, /at most 10/],
    [["abc"], /from the list/],
    [[-1], /from the list/],
    [{ id: 1 }, /from the list/],
  ];
  for (const [about, message] of cases) {
    const response = await callAction(request, actionId(UPDATE.name, UPDATE.module), [{ ...good, about }], {
      path: `/editor/claims/${claim.id}`,
      cookie: editor.cookie,
    });
    expect(response.status, JSON.stringify(about)).toBe(200);
    const result = response.result as { ok: boolean; fieldErrors: Record<string, string[]> };
    expect(result.ok).toBe(false);
    expect(result.fieldErrors.about?.join(" "), JSON.stringify(about)).toMatch(message);
  }
  const after = await db.claim.findUniqueOrThrow({
    where: { id: claim.id },
    select: { version: true, statement: true },
  });
  expect(after.version).toBe(before.version);
  expect(after.statement).not.toBe(good.statement);
  expect(await db.claimAbout.count({ where: { claimId: claim.id } })).toBe(0);
  expect(await db.auditEvent.count({ where: { userId: editor.id } })).toBe(0);
});

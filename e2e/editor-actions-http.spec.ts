import type { APIRequestContext } from "@playwright/test";
import { expect, sessionCookieHeader, test, type SignedInUser } from "./fixtures";
import { makeTestClaim, unique, type TestClaim } from "@/test-support/builders";
import { e2eDb } from "./db";
import { actionId, callAction } from "./server-actions";

// Every editor Server Action is a public POST endpoint. These requests skip the browser and its validation: no
// session, a session that does not exist, a foreign Origin, and crafted bodies (wrong types, unknown enums, another
// claim's version, ids that do not exist or belong to another claim). Each is refused and nothing is written; a
// valid request through the same path succeeds, so the refusals are not an artefact of the harness.

type Action = { name: string; module: string };
const A = {
  create: { name: "createClaimAction", module: "claims/new/actions" },
  update: { name: "updateClaimAction", module: "claim-actions" },
  publish: { name: "setPublishedAction", module: "claim-actions" },
  status: { name: "changeStatusAction", module: "status-actions" },
  attach: { name: "attachSourceAction", module: "source-actions" },
  detach: { name: "detachSourceAction", module: "source-actions" },
  addFigure: { name: "addFigureAction", module: "figure-actions" },
  removeFigure: { name: "removeFigureAction", module: "figure-actions" },
  addLink: { name: "addLinkAction", module: "link-actions" },
  removeLink: { name: "removeLinkAction", module: "link-actions" },
} satisfies Record<string, Action>;

type Refusal = {
  ok: false;
  fieldErrors: Record<string, string[]>;
  formError?: string;
  conflict?: { changedBy: string | null };
};

async function call(
  request: APIRequestContext,
  action: Action,
  input: unknown,
  options: { claimId?: number; cookie?: string; origin?: string | null; body?: string } = {},
) {
  const path = action === A.create ? "/editor/claims/new" : `/editor/claims/${options.claimId}`;
  return callAction(request, actionId(action.name, action.module), [input], {
    path,
    cookie: options.cookie,
    origin: options.origin,
    body: options.body,
  });
}

/** Everything about a claim that an editor's write can change, and the audit trail of one user. */
async function snapshot(claimId: number, userId?: number) {
  const db = await e2eDb();
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      version: true,
      slug: true,
      statement: true,
      location: true,
      status: true,
      statusRationale: true,
      publishedAt: true,
      claimantId: true,
      _count: { select: { sources: true, figures: true, linksFrom: true, linksTo: true, statusChanges: true } },
    },
  });
  const audits = userId === undefined ? null : await db.auditEvent.count({ where: { userId } });
  return { claim, audits };
}

/** Valid inputs for each action against `claim` (with one source) and `other` (a second claim). */
function validInputs(claim: TestClaim, other: TestClaim, version: number) {
  const claimant = { mode: "existing", actorId: claim.claimant.id };
  const base = { claimId: claim.id, version };
  return {
    create: {
      statement: `Created over HTTP ${unique("http")}`,
      category: "OTHER",
      kind: "FACT",
      claimant,
      claimedAt: "2026-11-20",
    },
    update: {
      ...base,
      statement: `Edited over HTTP ${unique("http")}`,
      category: "OTHER",
      kind: "FACT",
      claimant,
      claimedAt: "2026-11-20",
    },
    // A published claim taken down: a retraction, with its reason (proposed for review: nothing is unpublished yet).
    publish: { ...base, publish: false, reason: "Crafted over HTTP: the claimant was misnamed." },
    status: { ...base, status: "IN_REVIEW", rationale: "Checking over HTTP." },
    attach: {
      ...base,
      stance: "CONTEXT",
      source: { mode: "new", fields: { title: unique("HTTP source"), type: "OTHER", protected: false } },
    },
    addFigure: {
      ...base,
      reportedById: claim.claimant.id,
      population: "CIVILIANS",
      outcome: "INJURED",
      min: 1,
      max: 2,
      noSourceReason: "Read out at a press briefing; no transcript.",
    },
    addLink: { ...base, type: "QUALIFIES", targetId: other.id },
  };
}

async function setup() {
  const db = await e2eDb();
  const other = await makeTestClaim(db, { figures: [{ min: 5, max: 5 }] });
  const claim = await makeTestClaim(db, { links: [] });
  // A link into `claim` from `other`: it belongs to `other`, so removing it from `claim` must be refused.
  await db.claimLink.create({ data: { fromId: other.id, toId: claim.id, type: "DENIES" } });
  return { db, claim, other };
}

test.describe("refused without a valid session, nothing written", () => {
  test("no cookie: the request never reaches an action (sent to /login)", async ({ request }) => {
    const { claim, other } = await setup();
    const before = await snapshot(claim.id);
    const valid = validInputs(claim, other, 1);
    for (const [key, input] of Object.entries(valid)) {
      const response = await call(request, A[key as keyof typeof valid], input, { claimId: claim.id });
      expect(response.status, key).toBe(307);
      expect(response.headers.location, key).toMatch(/^\/login\?next=/);
    }
    expect(await snapshot(claim.id)).toEqual(before);
  });

  test("a session cookie that matches no session: every action answers 'not signed in'", async ({ request, db }) => {
    const { claim, other } = await setup();
    const before = await snapshot(claim.id);
    const cookie = sessionCookieHeader(unique("forged-token"));
    const valid = validInputs(claim, other, 1);
    const inputs: [Action, unknown][] = [
      ...Object.entries(valid).map(([key, input]) => [A[key as keyof typeof valid], input] as [Action, unknown]),
      [A.detach, { claimId: claim.id, version: 1, sourceId: claim.sources[0]!.id }],
      [A.removeFigure, { claimId: other.id, version: 1, figureId: 1 }],
      [A.removeLink, { claimId: other.id, version: 1, linkId: 1 }],
    ];
    for (const [action, input] of inputs) {
      const { result } = await call(request, action, input, { claimId: claim.id, cookie });
      expect(result, action.name).toMatchObject({ ok: false, formError: expect.stringMatching(/not signed in/) });
    }
    expect(await snapshot(claim.id)).toEqual(before);
    expect(await db.claim.count({ where: { statement: (valid.create as { statement: string }).statement } })).toBe(0);
  });
});

test("a foreign Origin is refused for every action, with a valid session, and nothing is written", async ({
  request,
  editor,
}) => {
  const { claim, other } = await setup();
  const { cookie } = editor;
  const before = await snapshot(claim.id, editor.id);
  const valid = validInputs(claim, other, 1);
  for (const [key, input] of Object.entries(valid)) {
    const response = await call(request, A[key as keyof typeof valid], input, {
      claimId: claim.id,
      cookie,
      origin: "https://evil.example",
    });
    expect(response.status, key).toBeGreaterThanOrEqual(400);
    expect(response.result, key).toBeUndefined();
  }
  expect(await snapshot(claim.id, editor.id)).toEqual(before);
});

test("the same requests with the right Origin and a session succeed (control)", async ({ request, editor }) => {
  const { db, claim, other } = await setup();
  const { cookie } = editor;
  let version = 1;
  const ok = async (action: Action, input: Record<string, unknown>) => {
    const { result } = await call(request, action, { ...input, version }, { claimId: claim.id, cookie });
    expect(result, action.name).toMatchObject({ ok: true });
    version += 1;
    return (result as { data: Record<string, number> }).data;
  };
  const valid = validInputs(claim, other, 1);
  await ok(A.update, valid.update);
  await ok(A.status, valid.status);
  const { sourceId } = await ok(A.attach, valid.attach);
  await ok(A.detach, { claimId: claim.id, sourceId: sourceId! });
  const { figureId } = await ok(A.addFigure, valid.addFigure);
  await ok(A.removeFigure, { claimId: claim.id, figureId: figureId! });
  const { linkId } = await ok(A.addLink, valid.addLink);
  await ok(A.removeLink, { claimId: claim.id, linkId: linkId! });
  await ok(A.publish, valid.publish);

  // Creating redirects to the new claim's page.
  const created = await call(request, A.create, valid.create, { cookie });
  expect(created.redirect).toMatch(/^\/editor\/claims\/\d+\?created=1$/);
  expect(await db.claim.count({ where: { statement: (valid.create as { statement: string }).statement } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: editor.id } })).toBe(11);
});

test.describe("crafted bodies are refused with field errors and write nothing", () => {
  async function expectRefused(
    request: APIRequestContext,
    user: SignedInUser,
    action: Action,
    input: unknown,
    claimId: number,
    fields: string[],
  ) {
    const { cookie } = user;
    const before = await snapshot(claimId, user.id);
    const { status, result } = await call(request, action, input, { claimId, cookie });
    expect(status, action.name).toBe(200);
    const refusal = result as Refusal;
    expect(refusal.ok, JSON.stringify(input)).toBe(false);
    for (const field of fields)
      expect(refusal.fieldErrors[field], `${action.name} ${field} in ${JSON.stringify(refusal)}`).toBeTruthy();
    expect(await snapshot(claimId, user.id)).toEqual(before);
    return refusal;
  }

  test("createClaimAction", async ({ request, editor }) => {
    const { db, claim } = await setup();
    const statement = `Crafted ${unique("c")}`;
    const good = {
      statement,
      category: "OTHER",
      kind: "FACT",
      claimant: { mode: "existing", actorId: claim.claimant.id },
      claimedAt: "2026-11-20",
    };
    await expectRefused(request, editor, A.create, { ...good, statement: 42, claimedAt: ["2026-11-20"] }, claim.id, [
      "statement",
      "claimedAt",
    ]);
    await expectRefused(request, editor, A.create, { ...good, category: "GENOCIDE", kind: "OPINION" }, claim.id, [
      "category",
      "kind",
    ]);
    await expectRefused(
      request,
      editor,
      A.create,
      { ...good, claimant: { mode: "existing", actorId: 2_000_000_000 } },
      claim.id,
      ["claimant.actorId"],
    );
    await expectRefused(request, editor, A.create, { ...good, incidentId: 2_000_000_000 }, claim.id, ["incidentId"]);
    await expectRefused(request, editor, A.create, { ...good, statement: "x".repeat(5000) }, claim.id, ["statement"]);
    await expectRefused(request, editor, A.create, { ...good, slug: claim.slug }, claim.id, ["slug"]);
    await expectRefused(
      request,
      editor,
      A.create,
      { ...good, claimant: { mode: "new", actor: { name: "X", kind: "MEDIA", sameAs: "javascript:alert(1)" } } },
      claim.id,
      ["claimant.actor.sameAs"],
    );
    await expectRefused(request, editor, A.create, "not an object", claim.id, ["root"]);
    expect(await db.claim.count({ where: { statement } })).toBe(0);
  });

  test("updateClaimAction and setPublishedAction", async ({ request, editor }) => {
    const { db, claim, other } = await setup();
    await db.claim.update({ where: { id: other.id }, data: { version: 7 } });
    const good = {
      claimId: claim.id,
      version: 1,
      statement: "Crafted edit",
      category: "OTHER",
      kind: "FACT",
      claimant: { mode: "existing", actorId: claim.claimant.id },
      claimedAt: "2026-11-20",
    };
    // Another claim's version.
    const stale = await expectRefused(request, editor, A.update, { ...good, version: 7 }, claim.id, []);
    expect(stale.conflict).toBeTruthy();
    expect(stale.formError).toMatch(/since you opened it/);
    await expectRefused(request, editor, A.update, { ...good, claimId: 2_000_000_000 }, claim.id, ["claimId"]);
    await expectRefused(request, editor, A.update, { ...good, version: "one" }, claim.id, ["version"]);
    await expectRefused(request, editor, A.update, { ...good, slug: other.slug }, claim.id, ["slug"]);
    await expectRefused(
      request,
      editor,
      A.update,
      { ...good, originalText: "بیان", originalLanguage: "not a tag" },
      claim.id,
      ["originalLanguage"],
    );
    await expectRefused(request, editor, A.publish, { claimId: claim.id, version: 1, publish: "false" }, claim.id, [
      "publish",
    ]);
    await expectRefused(
      request,
      editor,
      A.publish,
      { claimId: claim.id, version: 1, publish: true, confirm: true },
      claim.id,
      ["publish"],
    );
    // Publishing without the confirmation, and a retraction without a reason of 20 characters.
    await expectRefused(request, editor, A.publish, { claimId: claim.id, version: 1, publish: true }, claim.id, [
      "confirm",
    ]);
    await expectRefused(
      request,
      editor,
      A.publish,
      { claimId: claim.id, version: 1, publish: false, reason: "Too short." },
      claim.id,
      ["reason"],
    );
    const reason = "Crafted over HTTP: the claimant was misnamed.";
    expect(
      (
        await expectRefused(
          request,
          editor,
          A.publish,
          { claimId: claim.id, version: 7, publish: false, reason },
          claim.id,
          [],
        )
      ).conflict,
    ).toBeTruthy();
  });

  test("changeStatusAction", async ({ request, editor }) => {
    const { db, claim } = await setup();
    const bare = await makeTestClaim(db, { sources: [] });
    const position = await makeTestClaim(db, { kind: "POSITION" });
    const good = {
      claimId: claim.id,
      version: 1,
      status: "FALSE",
      rationale: "Independent footage contradicts the claim entirely.",
    };
    await expectRefused(request, editor, A.status, { ...good, status: "TRUE" }, claim.id, ["status"]);
    await expectRefused(request, editor, A.status, { ...good, rationale: { text: "x" } }, claim.id, ["rationale"]);
    await expectRefused(request, editor, A.status, { ...good, rationale: "short" }, claim.id, ["rationale"]);
    await expectRefused(request, editor, A.status, { ...good, claimId: bare.id }, bare.id, ["status"]);
    const notRated = await expectRefused(request, editor, A.status, { ...good, claimId: position.id }, position.id, [
      "status",
    ]);
    expect(notRated.formError).toMatch(/Positions are not rated/);
    expect(
      (await expectRefused(request, editor, A.status, { ...good, version: 99 }, claim.id, [])).conflict,
    ).toBeTruthy();
  });

  test("attachSourceAction and detachSourceAction", async ({ request, editor }) => {
    const { db, claim, other } = await setup();
    const title = unique("Crafted source");
    const fields = { title, type: "NEWS_REPORT", protected: false };
    const good = { claimId: claim.id, version: 1, stance: "SUPPORTS", source: { mode: "new", fields } };
    await expectRefused(
      request,
      editor,
      A.attach,
      { ...good, source: { mode: "new", fields: { ...fields, url: "javascript:alert(1)" } } },
      claim.id,
      ["source.fields.url"],
    );
    await expectRefused(
      request,
      editor,
      A.attach,
      { ...good, source: { mode: "new", fields: { ...fields, archiveUrl: "data:text/html,x" } } },
      claim.id,
      ["source.fields.archiveUrl"],
    );
    await expectRefused(
      request,
      editor,
      A.attach,
      { ...good, source: { mode: "new", fields: { ...fields, protected: true } } },
      claim.id,
      ["source.fields.protectedReason"],
    );
    await expectRefused(request, editor, A.attach, { ...good, stance: "LOVES" }, claim.id, ["stance"]);
    await expectRefused(
      request,
      editor,
      A.attach,
      { ...good, source: { mode: "existing", sourceId: 2_000_000_000 } },
      claim.id,
      ["source.sourceId"],
    );
    await expectRefused(
      request,
      editor,
      A.attach,
      { ...good, source: { mode: "existing", sourceId: claim.sources[0]!.id } },
      claim.id,
      ["source.sourceId"],
    );
    expect(await db.source.count({ where: { title } })).toBe(0);
    // A source of another claim, and one that does not exist.
    await expectRefused(
      request,
      editor,
      A.detach,
      { claimId: claim.id, version: 1, sourceId: other.sources[0]!.id },
      claim.id,
      ["sourceId"],
    );
    await expectRefused(request, editor, A.detach, { claimId: claim.id, version: 1, sourceId: "1 OR 1=1" }, claim.id, [
      "sourceId",
    ]);
  });

  test("addFigureAction and removeFigureAction", async ({ request, editor }) => {
    const { db, claim, other } = await setup();
    const good = {
      claimId: claim.id,
      version: 1,
      reportedById: claim.claimant.id,
      population: "CIVILIANS",
      outcome: "KILLED",
      min: 3,
      max: 5,
      noSourceReason: "Read out at a press briefing; no transcript.",
    };
    await expectRefused(request, editor, A.addFigure, { ...good, min: 9, max: 2 }, claim.id, ["max"]);
    await expectRefused(request, editor, A.addFigure, { ...good, min: -1, max: 2.5 }, claim.id, ["min", "max"]);
    await expectRefused(request, editor, A.addFigure, { ...good, min: "many" }, claim.id, ["min"]);
    await expectRefused(
      request,
      editor,
      A.addFigure,
      { ...good, population: "CHILDREN", outcome: "MISSING" },
      claim.id,
      ["population", "outcome"],
    );
    await expectRefused(request, editor, A.addFigure, { ...good, reportedById: 2_000_000_000 }, claim.id, [
      "reportedById",
    ]);
    await expectRefused(
      request,
      editor,
      A.addFigure,
      { ...good, noSourceReason: "", sourceId: other.sources[0]!.id },
      claim.id,
      ["sourceId"],
    );
    // Neither a source nor a reason; a reason too short to say anything.
    await expectRefused(request, editor, A.addFigure, { ...good, noSourceReason: "" }, claim.id, ["sourceId"]);
    await expectRefused(request, editor, A.addFigure, { ...good, noSourceReason: "phone" }, claim.id, [
      "noSourceReason",
    ]);
    const figureOfOther = await db.casualtyFigure.findFirstOrThrow({
      where: { claimId: other.id },
      select: { id: true },
    });
    await expectRefused(
      request,
      editor,
      A.removeFigure,
      { claimId: claim.id, version: 1, figureId: figureOfOther.id },
      claim.id,
      ["figureId"],
    );
    expect(await db.casualtyFigure.count({ where: { claimId: other.id } })).toBe(1);
  });

  test("addLinkAction and removeLinkAction", async ({ request, editor }) => {
    const { db, claim, other } = await setup();
    const good = { claimId: claim.id, version: 1, type: "CONTRADICTS", targetId: other.id };
    await expectRefused(request, editor, A.addLink, { ...good, targetId: claim.id }, claim.id, ["targetId"]);
    await expectRefused(request, editor, A.addLink, { ...good, targetId: 2_000_000_000 }, claim.id, ["targetId"]);
    await expectRefused(request, editor, A.addLink, { ...good, type: "LIKES" }, claim.id, ["type"]);
    await db.claimLink.create({ data: { fromId: claim.id, toId: other.id, type: "CONTRADICTS" } });
    await expectRefused(request, editor, A.addLink, good, claim.id, ["targetId"]);
    // The incoming link belongs to `other`: it cannot be removed through `claim`.
    const incoming = await db.claimLink.findFirstOrThrow({
      where: { fromId: other.id, toId: claim.id },
      select: { id: true },
    });
    await expectRefused(
      request,
      editor,
      A.removeLink,
      { claimId: claim.id, version: 1, linkId: incoming.id },
      claim.id,
      ["linkId"],
    );
    await expectRefused(request, editor, A.removeLink, { claimId: claim.id, version: 1, linkId: -5 }, claim.id, [
      "linkId",
    ]);
  });
});

test("the link search answers editors only, drafts included", async ({ request, editor, db }) => {
  const draft = await makeTestClaim(db, { statement: `Searchable draft ${unique("find")}`, published: false });
  const word = draft.statement.split(" ").at(-1)!;
  const forged = await request.get(`/editor/claim-search?q=${word}`, {
    headers: { Cookie: sessionCookieHeader(unique("forged")) },
    maxRedirects: 0,
  });
  // The proxy turns both away before the route's own check (authorize) runs; neither sees the draft.
  expect(forged.status()).toBe(307);
  expect(await forged.text()).not.toContain(draft.slug);
  const anonymous = await request.get(`/editor/claim-search?q=${word}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);

  const { cookie } = editor;
  const found = await request.get(`/editor/claim-search?q=${word}`, { headers: { Cookie: cookie } });
  expect(await found.json()).toEqual({
    results: [expect.objectContaining({ id: draft.id, slug: draft.slug, published: false })],
  });
  const excluded = await request.get(`/editor/claim-search?q=${word}&exclude=${draft.id}`, {
    headers: { Cookie: cookie },
  });
  expect(await excluded.json()).toEqual({ results: [] });
});

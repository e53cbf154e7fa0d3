import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { STATUS_INFO } from "@/lib/domain/vocabulary";
import { makeTestClaim, unique } from "@/test-support/builders";
import { actionId, approveAsSecondEditor, callAction } from "./server-actions";

// Reader pages are kept whole in the page cache (docs/decisions/0011-page-cache.md). Each editor write must still
// show on every reader page that displays it on the reader's next request, including pages that were just served
// from the cache, and an unpublished claim must answer 404 at once.

const A = {
  update: { name: "updateClaimAction", module: "claim-actions" },
  publish: { name: "setPublishedAction", module: "claim-actions" },
  status: { name: "changeStatusAction", module: "status-actions" },
  attach: { name: "attachSourceAction", module: "source-actions" },
  detach: { name: "detachSourceAction", module: "source-actions" },
  addFigure: { name: "addFigureAction", module: "figure-actions" },
  removeFigure: { name: "removeFigureAction", module: "figure-actions" },
  addLink: { name: "addLinkAction", module: "link-actions" },
  removeLink: { name: "removeLinkAction", module: "link-actions" },
};

async function body(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  return response.text();
}

/**
 * Loads a cached page until the page cache answers, so the checks after the write start from a cached page. A few
 * tries: a write of a test running beside this one expires every reader page between two requests.
 */
async function warm(request: APIRequestContext, path: string): Promise<string> {
  let response = await request.get(path);
  for (let tries = 0; tries < 5 && !/HIT|STALE/.test(response.headers()["x-nextjs-cache"] ?? ""); tries++) {
    response = await request.get(path);
  }
  expect(response.status(), path).toBe(200);
  expect(response.headers()["x-nextjs-cache"], `${path} served from the page cache`).toMatch(/HIT|STALE/);
  return response.text();
}

test("each editor write shows on the next request of every reader page that shows it, cached pages included", async ({
  request,
  db,
  editor,
}) => {
  const other = await makeTestClaim(db, { statement: `Linked target ${unique("target")} near the crossing` });
  const claim = await makeTestClaim(db, {
    status: "FALSE",
    statement: `Cached claim ${unique("cached")} about a convoy`,
  });
  const { cookie } = editor;
  let version = 1;
  const act = async (action: { name: string; module: string }, input: Record<string, unknown>) => {
    const { result } = await callAction(
      request,
      actionId(action.name, action.module),
      [{ claimId: claim.id, version, ...input }],
      {
        path: `/editor/claims/${claim.id}`,
        cookie,
      },
    );
    expect(result, action.name).toMatchObject({ ok: true });
    version += 1;
    return (result as { data: Record<string, number> }).data;
  };
  const claimPage = `/claims/${claim.slug}`;
  const actorPage = `/actors/${claim.claimant.slug}`;
  const list = `/claims?actor=${claim.claimant.slug}`;
  const api = `/api/claims/${claim.slug}`;
  // The filtered list is cached too (lib/http/claims-view.ts); a search (q) is not.
  for (const path of [claimPage, actorPage, list, "/", "/actors", "/methodology"]) await warm(request, path);

  // An edit: claim page, list, dashboard (recently changed), actor page, API.
  const statement = `Edited in place ${unique("edited")} about a convoy`;
  await act(A.update, {
    statement,
    category: "OTHER",
    kind: "FACT",
    claimant: { mode: "existing", actorId: claim.claimant.id },
    claimedAt: "2026-11-20",
  });
  for (const path of [claimPage, list, "/", actorPage, api])
    expect(await body(request, path), path).toContain(statement);
  await warm(request, claimPage);

  // A status change away from a published verdict is a correction: claim page, corrections, feed, API.
  const rationale = `Correction ${unique("why")}: the footage was from another year.`;
  // Proposed first (the claim's version moves when the approval applies it: `act` counts that move).
  await act(A.status, { status: "IN_REVIEW", rationale });
  expect(await body(request, claimPage)).not.toContain(rationale);
  await approveAsSecondEditor(request, db, claim.id);
  const page = await body(request, claimPage);
  expect(page).toContain(STATUS_INFO.IN_REVIEW.label);
  expect(page).toContain(rationale);
  expect(await body(request, "/corrections")).toContain(statement);
  expect(await body(request, "/feed.xml")).toContain(rationale);
  expect(JSON.parse(await body(request, api))).toMatchObject({ data: { status: "IN_REVIEW" } });

  // Evidence: a source, a figure and a link, added then removed.
  await warm(request, claimPage);
  const title = unique("Cached source");
  const { sourceId } = await act(A.attach, {
    stance: "CONTEXT",
    source: { mode: "new", fields: { title, type: "OTHER", protected: false } },
  });
  expect(await body(request, claimPage)).toContain(title);
  await act(A.detach, { sourceId: sourceId! });
  expect(await body(request, claimPage)).not.toContain(title);

  await warm(request, claimPage);
  const { figureId } = await act(A.addFigure, {
    reportedById: claim.claimant.id,
    population: "CIVILIANS",
    outcome: "INJURED",
    min: 4321,
    max: 4322,
    noSourceReason: "Read out at a briefing; no transcript was published.",
  });
  expect(await body(request, claimPage)).toContain("4,321");
  await act(A.removeFigure, { figureId: figureId! });
  expect(await body(request, claimPage)).not.toContain("4,321");

  await warm(request, claimPage);
  await warm(request, `/claims/${other.slug}`);
  const { linkId } = await act(A.addLink, { type: "QUALIFIES", targetId: other.id });
  expect(await body(request, claimPage)).toContain(other.statement);
  expect(await body(request, `/claims/${other.slug}`)).toContain(statement);
  await act(A.removeLink, { linkId: linkId! });
  expect(await body(request, claimPage)).not.toContain(other.statement);

  // Taken down: proposed for review first, which readers do not see; once a second editor approves it, gone at once
  // from its page and the API (410 Gone, docs/editing.md, Retractions) and from the list, and listed on /corrections; its claimant, named by no
  // other published claim, is no longer public either (lib/data/reads/public-actor.ts).
  await warm(request, claimPage);
  await act(A.publish, { publish: false, reason: "Shown to be about another convoy, on another day." });
  expect(await body(request, claimPage)).toContain(statement);
  await approveAsSecondEditor(request, db, claim.id);
  await warm(request, "/corrections");
  const gone = await request.get(claimPage);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("Shown to be about another convoy, on another day.");
  expect((await request.get(api)).status()).toBe(410);
  // Listed in the open, on the cached /corrections read just before the approval (docs/reader-pages.md).
  expect(await body(request, "/corrections")).toContain(statement);
  expect(await body(request, list)).not.toContain(statement);
  expect((await request.get(actorPage)).status()).toBe(404);
});

test("a correction shows at once on the cached /corrections and on its page 2", async ({ request, db, editor }) => {
  // Enough corrections for a page 2 (25 a page, lib/data/reads/corrections.ts), written straight into the database: the editor's write below
  // expires every cached reader page, these included.
  const flips = Array.from({ length: 51 }, (_, i) => ({
    from: i % 2 === 0 ? ("CONFIRMED" as const) : ("MISLEADING" as const),
    to: i % 2 === 0 ? ("MISLEADING" as const) : ("CONFIRMED" as const),
    rationale: `Flip ${i} ${unique("flip")}`,
    isCorrection: true,
  }));
  await makeTestClaim(db, {
    status: "MISLEADING",
    statusHistory: [{ from: "UNVERIFIED", to: "CONFIRMED", rationale: "Confirmed first." }, ...flips],
  });
  const claim = await makeTestClaim(db, { status: "FALSE", statement: `Corrected claim ${unique("corr")} on a raid` });
  const published = { isCorrection: true, claim: { publishedAt: { not: null } } };
  const before = await db.statusChange.count({ where: published });
  for (const path of ["/corrections", "/corrections/page/2"]) await warm(request, path);

  const rationale = `Correction ${unique("why")}: the photo was older.`;
  const { result } = await callAction(
    request,
    actionId(A.status.name, A.status.module),
    [{ claimId: claim.id, version: 1, status: "IN_REVIEW", rationale }],
    { path: `/editor/claims/${claim.id}`, cookie: editor.cookie },
  );
  // Away from a published final verdict: proposed, then approved by a second editor (lib/domain/review-rules.ts).
  expect(result).toMatchObject({ ok: true, data: { proposalId: expect.any(Number) } });
  await approveAsSecondEditor(request, db, claim.id);

  // Newest first: the correction heads page 1, and page 2 counts it (other tests may add more meanwhile).
  const first = await body(request, "/corrections");
  expect(first).toContain(claim.statement);
  expect(first).toContain(rationale);
  expect(first).toContain('href="/corrections/page/2"');
  const second = await body(request, "/corrections/page/2");
  expect(second).not.toContain(rationale);
  // React separates the number from the text with an HTML comment.
  const total = Number(/([\d,]+)(?:<!-- -->)? corrections? in all/.exec(second)?.[1]?.replaceAll(",", ""));
  expect(total).toBeGreaterThanOrEqual(before + 1);
  expect(second).toContain('href="/corrections"');
});

import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { env } from "@/lib/env";
import { makeTestClaim, makeTestIncident, unique } from "@/test-support/builders";
import { withdrawTestClaim } from "@/test-support/withdraw";
import { refreshReaderCache } from "./reader-cache";
import { actionId, approveAsSecondEditor, callAction } from "./server-actions";

// Issue 12 item 6, share images (docs/decisions/0030-share-cards.md): a claim page's Open Graph and Twitter tags
// point at a card the app draws, 1200×630 PNG, drawn again after an edit, and never for a draft.

const site = (path: string) => new URL(path, env().SITE_URL).toString();
const PUBLIC = "public, s-maxage=30, stale-while-revalidate=300";

/** The card's address as the page names it, made relative to reach this server (SITE_URL may be another host). */
async function metaTags(request: APIRequestContext, slug: string, section = "claims") {
  const response = await request.get(`/${section}/${slug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const meta = (key: string) => {
    const tag = new RegExp(`<meta (?:property|name)="${key.replace(/[:]/g, "\\:")}" content="([^"]*)"`).exec(html);
    return tag?.[1]?.replace(/&amp;/g, "&");
  };
  return { meta, html };
}

async function card(request: APIRequestContext, url: string) {
  const { pathname, search } = new URL(url);
  const response = await request.get(`${pathname}${search}`);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toBe(PUBLIC);
  const png = await response.body();
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1200, height: 630 });
  return png;
}

test("a claim page's og: and twitter: tags point at its 1200×630 PNG card, drawn again after a status change", async ({
  request,
  db,
  editor,
}) => {
  const claim = await makeTestClaim(db, { statement: `Share card ${unique("sc")}: a depot was hit near the crossing` });
  const { meta } = await metaTags(request, claim.slug);
  const image = meta("og:image");
  expect(image).toMatch(new RegExp(`^${site(`/claims/${claim.slug}/share-card.png`).replace(/[.?]/g, "\\$&")}\\?v=`));
  expect(meta("og:image:width")).toBe("1200");
  expect(meta("og:image:height")).toBe("630");
  expect(meta("og:image:type")).toBe("image/png");
  expect(meta("og:image:alt")).toContain(claim.statement);
  expect(meta("og:type")).toBe("article");
  expect(meta("og:title")).toBe(claim.statement);
  expect(meta("og:description")).toContain(claim.claimant.name);
  expect(meta("og:url")).toBe(site(`/claims/${claim.slug}`));
  expect(meta("twitter:card")).toBe("summary_large_image");
  expect(meta("twitter:image")).toBe(image);
  const before = await card(request, image!);

  // Through the Server Action, as an editor does it (it calls updateTag): the card changes on the next request.
  const { result } = await callAction(
    request,
    actionId("changeStatusAction", "status-actions"),
    [{ claimId: claim.id, version: 1, status: "IN_REVIEW", rationale: `Checking ${unique("why")} the footage.` }],
    { path: `/editor/claims/${claim.id}`, cookie: editor.cookie },
  );
  expect(result).toMatchObject({ ok: true });
  if ((result as { data?: { proposalId?: number } }).data?.proposalId)
    await approveAsSecondEditor(request, db, claim.id);
  const after = await card(request, image!);
  expect(after.equals(before), "the badge changed").toBe(false);
  // The page names the new card under a new address, so that networks that keep images by address fetch it again.
  const newImage = (await metaTags(request, claim.slug)).meta("og:image");
  expect(newImage).not.toBe(image);
  expect((await card(request, newImage!)).equals(after)).toBe(true);
});

test("an Arabic-script statement is drawn, and differs from the same card in Latin script", async ({ request, db }) => {
  const tag = unique("ar").replace(/[^a-z0-9]/gi, "");
  const claimant = { claimantName: `Spokesperson ${tag}` };
  const pashto = await makeTestClaim(db, {
    ...claimant,
    statement: `د پاکستان هوايي بريدونو په پکتيکا کې ۴۶ ملکي وګړي ووژل ${tag}`,
  });
  const latin = await makeTestClaim(db, {
    ...claimant,
    statement: `Pakistani air strikes in Paktika killed 46 civilians ${tag}`,
  });
  const pashtoCard = await card(request, site(`/claims/${pashto.slug}/share-card.png`));
  const latinCard = await card(request, site(`/claims/${latin.slug}/share-card.png`));
  expect(pashtoCard.equals(latinCard)).toBe(false);
});

test("no card for a draft, an unknown slug or a malformed one; a withdrawn claim's card is gone like its page", async ({
  request,
  db,
}) => {
  const draft = await makeTestClaim(db, { published: false, statement: `Draft card ${unique("draft")}` });
  const withdrawn = await makeTestClaim(db, { statement: `Withdrawn card ${unique("wd")}` });
  await withdrawTestClaim(db, withdrawn.id, "The footage was from another year.");
  await refreshReaderCache(request);
  for (const [path, status] of [
    [`/claims/${draft.slug}/share-card.png`, 404],
    ["/claims/no-such-claim-anywhere/share-card.png", 404],
    [`/claims/${"x".repeat(300)}/share-card.png`, 404],
    ["/claims/UPPER%20case!/share-card.png", 404],
    [`/claims/${withdrawn.slug}/share-card.png`, 410],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()["content-type"], path).not.toContain("image");
    expect(await response.text(), path).not.toContain("Draft card");
  }
  // The draft's page has no tags to leak either: it is a 404.
  expect((await request.get(`/claims/${draft.slug}`)).status()).toBe(404);
});

test("an incident page's tags point at its own card; none while only drafts are about it", async ({ request, db }) => {
  const incident = await makeTestIncident(db, { title: `Share card ${unique("si")}: shelling near the crossing` });
  const draft = await makeTestClaim(db, { incidentId: incident.id, published: false });
  await refreshReaderCache(request);
  expect((await request.get(`/incidents/${incident.slug}/share-card.png`)).status()).toBe(404);

  await db.claim.update({ where: { id: draft.id }, data: { publishedAt: new Date() } });
  await refreshReaderCache(request);
  const { meta } = await metaTags(request, incident.slug, "incidents");
  const image = meta("og:image");
  expect(image).toMatch(
    new RegExp(`^${site(`/incidents/${incident.slug}/share-card.png`).replace(/[.?]/g, "\\$&")}\\?v=`),
  );
  expect(meta("og:title")).toBe(incident.title);
  expect(meta("og:image:alt")).toContain(incident.title);
  expect(meta("twitter:card")).toBe("summary_large_image");
  await card(request, image!);
});

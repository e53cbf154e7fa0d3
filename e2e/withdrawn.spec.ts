import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { makeTestClaim, unique } from "@/test-support/builders";
import { republishTestClaim, withdrawTestClaim } from "@/test-support/withdraw";
import { expectNoAxeViolations } from "./a11y";
import { refreshReaderCache } from "./reader-cache";

// What readers see of a withdrawn claim (docs/decisions/0022-withdrawn-claims-answer-410.md): the claim is made
// withdrawn by writing the columns an approved retraction writes, straight into the database, then the server is
// asked to refresh its cache, as the CLI does (e2e/reader-cache.ts).

/** The entries of the Atom feed, parsed by the browser's own XML parser. */
async function feedEntries(page: Page, xml: string) {
  await page.goto("/methodology");
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const ns = "http://www.w3.org/2005/Atom";
    const shown = (el: Element | undefined) =>
      el?.getAttribute("type") === "html"
        ? (new DOMParser().parseFromString(el.textContent ?? "", "text/html").body.textContent ?? "")
        : (el?.textContent ?? "");
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      entries: [...doc.getElementsByTagNameNS(ns, "entry")].map((e) => ({
        id: e.getElementsByTagNameNS(ns, "id")[0]?.textContent ?? "",
        title: shown(e.getElementsByTagNameNS(ns, "title")[0]),
        content: shown(e.getElementsByTagNameNS(ns, "content")[0]),
        link: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
      })),
    };
  }, xml);
}

test("a withdrawn claim answers 410 with its page and is listed on /corrections, in the feed and the API; published again, it is back", async ({
  browser,
  page,
  request,
  db,
}) => {
  test.setTimeout(120_000); // two browser contexts, two axe runs, the feed parsed in the browser
  const marker = unique("wd");
  const rationale = `Two satellite images show the depot intact (${marker}).`;
  const reason = `The imagery we relied on was misdated by its publisher (${marker}).`;
  const claim = await makeTestClaim(db, {
    statement: `Strike destroyed the fuel depot at ${marker}`,
    status: "FALSE",
    statusRationale: rationale,
  });
  const url = `/claims/${claim.slug}`;
  await refreshReaderCache(request);
  // Cached before the withdrawal: the refresh below must reach the claim page and /corrections.
  expect((await request.get(url)).status()).toBe(200);
  expect(await (await request.get("/corrections")).text()).not.toContain(reason);

  await withdrawTestClaim(db, claim.id, reason);
  // An editor's change to the withdrawn claim, before publishing it again, was never public: it must not show.
  const unseen = `Unpublished change ${marker}`;
  await db.statusChange.create({
    data: {
      claimId: claim.id,
      from: "FALSE",
      to: "CONFIRMED",
      rationale: unseen,
      createdAt: new Date(Date.now() + 1_000),
    },
  });
  await db.claim.update({ where: { id: claim.id }, data: { status: "CONFIRMED", statusRationale: unseen } });
  await refreshReaderCache(request);

  // 410 with a whole page, the same for every reader.
  const gone = await request.get(url);
  expect(gone.status()).toBe(410);
  expect(gone.headers()["content-type"]).toContain("text/html");
  expect(gone.headers()["cache-control"]).toBe("public, s-maxage=30, stale-while-revalidate=300");
  expect(gone.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // A HEAD gets the same status, with no body.
  expect((await request.head(url)).status()).toBe(410);
  const html = await gone.text();
  expect(html).toContain(claim.statement);
  expect(html).toContain(reason);
  expect(html).toContain(rationale);
  expect(html).toMatch(/<meta name="robots" content="noindex"\/>/);
  expect(html).not.toContain(unseen);

  // Without JavaScript: status, statement, claimant, last verdict, reason, date and the way to /corrections.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const reader = await noJs.newPage();
  const response = await reader.goto(url);
  expect(response?.status()).toBe(410);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(claim.statement);
  await expect(reader.getByText(`Claimed by ${claim.claimant.name}`)).toBeVisible();
  const withdrawal = reader.getByTestId("withdrawal");
  await expect(withdrawal).toContainText(reason);
  await expect(withdrawal.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  const verdict = reader.getByTestId("last-verdict");
  await expect(verdict).toContainText("False");
  await expect(verdict).toContainText(rationale);
  await expect(withdrawal.getByRole("link", { name: "corrections" })).toHaveAttribute("href", "/corrections");

  // /corrections: the withdrawal, labelled, at the top (nothing newer was written meanwhile by this test).
  await reader.goto("/corrections");
  const entry = reader.getByTestId("withdrawal-entry").filter({ hasText: reason });
  await expect(entry).toContainText("Withdrawn");
  await expect(entry).toContainText(claim.statement);
  await expect(entry).toContainText("our last verdict was False");
  await expect(entry.getByRole("link", { name: claim.statement })).toHaveAttribute("href", url);
  await expect(reader.getByText(/withdrawals? among them\.$/)).toBeVisible();
  await noJs.close();

  // With JavaScript, following the link from /corrections shows the same page.
  await page.goto("/corrections");
  await expectNoAxeViolations(page);
  await page
    .getByTestId("withdrawal-entry")
    .filter({ hasText: reason })
    .getByRole("link", { name: claim.statement })
    .click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByTestId("withdrawn-claim").getByTestId("withdrawal")).toContainText(reason);
  await expectNoAxeViolations(page);

  // The feed: "Withdrawn: …" with the reason, linking to the claim's URL; still well-formed XML.
  const feed = await feedEntries(page, await (await request.get("/feed.xml")).text());
  expect(feed.errors).toBe(0);
  const item = feed.entries.find((e) => e.content.includes(reason));
  expect(item).toMatchObject({ title: `Withdrawn: ${claim.statement}`, content: `Reason: ${reason}` });
  expect(feed.entries.some((e) => e.content.includes(unseen))).toBe(false);
  expect(item?.link).toMatch(new RegExp(`^https?://[^/]+${url}$`));
  expect(item?.id).toMatch(new RegExp(`:withdrawal:${claim.id}-\\d+$`));

  // The API: 410 with what was withdrawn, the listing has it, the claims list does not.
  const api = await request.get(`/api/claims/${claim.slug}`);
  expect(api.status()).toBe(410);
  const body = await api.json();
  expect(body).toMatchObject({
    error: { message: expect.stringContaining(claim.slug) },
    withdrawn: { slug: claim.slug, statement: claim.statement, status: "FALSE", reason },
  });
  expect(Date.parse(body.withdrawn.withdrawnAt)).not.toBeNaN();
  expect(JSON.stringify(body)).not.toContain(unseen);
  const listing = await request.get("/api/withdrawals?pageSize=100");
  expect(listing.status()).toBe(200);
  const listed = await listing.json();
  expect(listed.data.find((w: { slug: string }) => w.slug === claim.slug)).toMatchObject({
    statement: claim.statement,
    status: "FALSE",
    statusRationale: rationale,
    reason,
  });
  const times = listed.data.map((w: { withdrawnAt: string }) => Date.parse(w.withdrawnAt));
  expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
  expect(await (await request.get(`/api/claims?q=${marker}`)).text()).not.toContain(claim.slug);
  const refused = await request.get("/api/withdrawals?page=0&status=FALSE");
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.params.map((p: { param: string }) => p.param).sort()).toEqual(["page", "status"]);

  // Published again: its page is back at once, and it is no longer listed as withdrawn.
  await republishTestClaim(db, claim.id);
  await refreshReaderCache(request);
  const back = await request.get(url);
  expect(back.status()).toBe(200);
  expect(await back.text()).not.toContain(reason);
  expect((await request.get(`/api/claims/${claim.slug}`)).status()).toBe(200);
  expect(await (await request.get("/corrections")).text()).not.toContain(reason);
  expect(await (await request.get("/api/withdrawals?pageSize=100")).text()).not.toContain(claim.slug);
});

test("a claim never published still answers 404 everywhere, withdrawal columns or not", async ({ request, db }) => {
  const marker = unique("wd-draft");
  const draft = await makeTestClaim(db, { statement: `Draft never shown ${marker}`, published: false });
  // A stray reason without withdrawnAt does not make a draft public.
  await db.claim.update({ where: { id: draft.id }, data: { withdrawalReason: `Stray reason ${marker}` } });
  const published = await makeTestClaim(db, { statement: `Published ${marker}` });
  await refreshReaderCache(request);

  for (const path of [
    `/claims/${draft.slug}`,
    `/claims/withdrawn/${draft.slug}`,
    `/claims/withdrawn/${published.slug}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(marker);
  }
  expect((await request.get(`/api/claims/${draft.slug}`)).status()).toBe(404);
  for (const path of ["/corrections", "/feed.xml", "/api/withdrawals?pageSize=100"]) {
    expect(await (await request.get(path)).text(), path).not.toContain(`Stray reason ${marker}`);
  }
  expect((await request.get(`/claims/${published.slug}`)).status()).toBe(200);
});

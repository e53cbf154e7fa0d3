import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { env } from "@/lib/env";
import { makeTestClaim, unique } from "@/test-support/builders";
import { withdrawTestClaim } from "@/test-support/withdraw";
import { refreshReaderCache } from "./reader-cache";

// Item 6 and 7 of issue 12: /sitemap.xml, /robots.txt, canonical links from SITE_URL, and the per-claim and
// per-actor Atom feeds (docs/reader-pages.md, docs/api.md). The server and this process read the same SITE_URL.
const site = (path: string) => new URL(path, env().SITE_URL).toString();

/** The browser's own XML parser: a well-formedness error yields a <parsererror> document. */
async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const atom = "http://www.w3.org/2005/Atom";
    const sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const shown = (el: Element | undefined) =>
      el?.getAttribute("type") === "html"
        ? (new DOMParser().parseFromString(el.textContent ?? "", "text/html").body.textContent ?? "")
        : (el?.textContent ?? "");
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.localName,
      urls: [...doc.getElementsByTagNameNS(sm, "url")].map((u) => ({
        loc: u.getElementsByTagNameNS(sm, "loc")[0]?.textContent ?? "",
        lastmod: u.getElementsByTagNameNS(sm, "lastmod")[0]?.textContent ?? "",
      })),
      entries: [...doc.getElementsByTagNameNS(atom, "entry")].map((e) => ({
        title: shown(e.getElementsByTagNameNS(atom, "title")[0]),
        content: shown(e.getElementsByTagNameNS(atom, "content")[0]),
        link: e.getElementsByTagNameNS(atom, "link")[0]?.getAttribute("href") ?? "",
      })),
    };
  }, xml);
}

test("the sitemap parses as XML and lists published claims and public actors, never a draft or a withdrawn claim", async ({
  page,
  request,
  db,
}) => {
  const published = await makeTestClaim(db, { statement: `Sitemap published ${unique("sm")}` });
  const draft = await makeTestClaim(db, { published: false, statement: `Sitemap draft ${unique("sm")}` });
  const withdrawn = await makeTestClaim(db, { statement: `Sitemap withdrawn ${unique("sm")}` });
  await withdrawTestClaim(db, withdrawn.id, "The footage was from another year.");
  await refreshReaderCache(request);

  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
  await page.goto("/methodology");
  const sitemap = await parseXml(page, await response.text());
  expect(sitemap.errors).toBe(0);
  expect(sitemap.root).toBe("urlset");
  const locs = sitemap.urls.map((u) => u.loc);
  for (const path of ["/", "/claims", "/actors", "/corrections", "/methodology", "/about"]) {
    expect(locs).toContain(site(path));
  }
  expect(locs).toContain(site(`/claims/${published.slug}`));
  expect(locs).toContain(site(`/actors/${published.claimant.slug}`));
  expect(locs).not.toContain(site(`/claims/${draft.slug}`));
  expect(locs).not.toContain(site(`/claims/${withdrawn.slug}`));
  // The draft's own claimant is named by no published claim: not public, not listed.
  expect(locs).not.toContain(site(`/actors/${draft.claimant.slug}`));
  for (const u of sitemap.urls) expect(Date.parse(u.lastmod), u.loc).not.toBeNaN();
  const row = await db.claim.findUniqueOrThrow({ where: { id: published.id }, select: { updatedAt: true } });
  expect(Date.parse(sitemap.urls.find((u) => u.loc === site(`/claims/${published.slug}`))?.lastmod ?? "")).toBe(
    row.updatedAt.getTime(),
  );
});

test("robots.txt keeps crawlers out of the signed-in areas and points at the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").map((l) => l.trim());
  for (const path of ["/editor", "/admin", "/login", "/api/revalidate"]) expect(lines).toContain(`Disallow: ${path}`);
  expect(lines).toContain("Allow: /");
  expect(lines).toContain(`Sitemap: ${site("/sitemap.xml")}`);
});

test("every reader page has a canonical link from SITE_URL; the list's names its filters in one order", async ({
  page,
  db,
  request,
}) => {
  const claim = await makeTestClaim(db, { statement: `Canonical ${unique("cn")}` });
  await refreshReaderCache(request);
  const pages: [string, string][] = [
    ["/", "/"],
    ["/claims", "/claims"],
    // Equivalent queries share one canonical URL; a value the list ignores is left out of it.
    ["/claims?category=CASUALTIES&status=DISPUTED&utm_source=x", "/claims?status=DISPUTED&category=CASUALTIES"],
    ["/claims?q=strike", "/claims?q=strike"],
    [`/claims/${claim.slug}`, `/claims/${claim.slug}`],
    ["/actors", "/actors"],
    [`/actors/${claim.claimant.slug}`, `/actors/${claim.claimant.slug}`],
    ["/corrections", "/corrections"],
    ["/methodology", "/methodology"],
    ["/about", "/about"],
  ];
  for (const [path, canonical] of pages) {
    await page.goto(path);
    const links = page.locator('head link[rel="canonical"]');
    await expect(links, path).toHaveCount(1);
    // Next writes the site's root without its trailing slash; as a URL it is the same address.
    expect(new URL((await links.getAttribute("href")) ?? "").href, path).toBe(site(canonical));
  }
});

test("a claim page links to its own feed, which names its status change; a draft's feed is a 404", async ({
  page,
  request,
  db,
}) => {
  const marker = unique("follow");
  const claim = await makeTestClaim(db, {
    statement: `Follow me ${marker}`,
    status: "FALSE",
    statusHistory: [{ from: "UNVERIFIED", to: "FALSE", rationale: `Imagery disagrees ${marker}` }],
  });
  const draft = await makeTestClaim(db, { published: false, statement: `Draft to follow ${marker}` });
  await refreshReaderCache(request);

  await page.goto(`/claims/${claim.slug}`);
  const alternate = page.locator(`head link[rel="alternate"][type="application/atom+xml"][href*="/claims/"]`);
  await expect(alternate).toHaveCount(1);
  const href = (await alternate.getAttribute("href")) ?? "";
  expect(href).toBe(site(`/claims/${claim.slug}/feed.xml`));
  await expect(page.getByTestId("follow-feed").getByRole("link")).toHaveAttribute(
    "href",
    `/claims/${claim.slug}/feed.xml`,
  );

  // Absolute from SITE_URL, which need not be where this test server listens.
  const response = await request.get(new URL(href).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const feed = await parseXml(page, await response.text());
  expect(feed.errors).toBe(0);
  expect(feed.root).toBe("feed");
  expect(feed.entries.map((e) => e.title)).toEqual([`Follow me ${marker}: Unverified → False`]);
  expect(feed.entries[0]?.content).toBe(`Imagery disagrees ${marker}`);
  expect(feed.entries[0]?.link).toBe(site(`/claims/${claim.slug}`));

  const missing = await request.get(`/claims/${draft.slug}/feed.xml`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toContain(marker);
  expect((await request.get(`/actors/${draft.claimant.slug}/feed.xml`)).status()).toBe(404);
});

test("a withdrawn claim's feed still answers and ends with the withdrawal", async ({ page, request, db }) => {
  const marker = unique("gone");
  const claim = await makeTestClaim(db, { statement: `Withdrawn story ${marker}`, status: "FALSE" });
  await withdrawTestClaim(db, claim.id, `Misread footage ${marker}`);
  await refreshReaderCache(request);
  const response = await request.get(`/claims/${claim.slug}/feed.xml`);
  expect(response.status()).toBe(200);
  await page.goto("/methodology");
  const feed = await parseXml(page, await response.text());
  expect(feed.errors).toBe(0);
  expect(feed.entries[0]?.title).toBe(`Withdrawn: Withdrawn story ${marker}`);
  expect(feed.entries[0]?.content).toBe(`Reason: Misread footage ${marker}`);
  expect(feed.entries.map((e) => e.title)).toContain(`Withdrawn story ${marker}: Unverified → False`);
});

test("an actor page links to the actor's feed: new claims and status changes", async ({ page, request, db }) => {
  const marker = unique("actorfeed");
  const claim = await makeTestClaim(db, {
    claimantName: `Feed actor ${marker}`,
    statement: `Said by the feed actor ${marker}`,
    status: "DISPUTED",
  });
  await refreshReaderCache(request);
  await page.goto(`/actors/${claim.claimant.slug}`);
  const alternate = page.locator(`head link[rel="alternate"][type="application/atom+xml"][href*="/actors/"]`);
  await expect(alternate).toHaveAttribute("href", site(`/actors/${claim.claimant.slug}/feed.xml`));
  await expect(page.getByTestId("follow-feed").getByRole("link")).toHaveAttribute(
    "href",
    `/actors/${claim.claimant.slug}/feed.xml`,
  );
  const response = await request.get(`/actors/${claim.claimant.slug}/feed.xml`);
  expect(response.status()).toBe(200);
  const feed = await parseXml(page, await response.text());
  expect(feed.errors).toBe(0);
  const titles = feed.entries.map((e) => e.title);
  expect(titles).toContain(`New claim by Feed actor ${marker}: Said by the feed actor ${marker}`);
  expect(titles).toContain(`Said by the feed actor ${marker}: Unverified → Disputed`);
});

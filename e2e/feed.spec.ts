import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";
import { refreshReaderCache } from "./reader-cache";

test.describe("GET /feed.xml", () => {
  test("is Atom that parses as XML, newest first, with a new status change in it", async ({ page, request, db }) => {
    const marker = unique("feedmark");
    const claim = await makeTestClaim(db, {
      statement: `Tom & Jerry <b>${marker}</b> \u0001 claim`,
      status: "FALSE",
      statusHistory: [{ from: "UNVERIFIED", to: "FALSE", rationale: `Imagery & reports <disagree> ${marker}` }],
    });

    const response = await request.get("/feed.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers()["cache-control"]).toBe("public, s-maxage=30, stale-while-revalidate=300");

    // The browser's own XML parser: a well-formedness error yields a <parsererror> document.
    await page.goto("/methodology");
    const parse = (xml: string) =>
      page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        const ns = "http://www.w3.org/2005/Atom";
        // What a feed reader shows: a type="html" title or content is HTML, so its entities are decoded once more.
        const shown = (el: Element | undefined) =>
          el?.getAttribute("type") === "html"
            ? (new DOMParser().parseFromString(el.textContent ?? "", "text/html").body.textContent ?? "")
            : (el?.textContent ?? "");
        return {
          errors: doc.getElementsByTagName("parsererror").length,
          root: doc.documentElement.localName,
          updated: doc.documentElement.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
          entries: [...doc.getElementsByTagNameNS(ns, "entry")].map((e) => ({
            id: e.getElementsByTagNameNS(ns, "id")[0]?.textContent ?? "",
            title: shown(e.getElementsByTagNameNS(ns, "title")[0]),
            content: shown(e.getElementsByTagNameNS(ns, "content")[0]),
            link: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
            updated: e.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
          })),
        };
      }, xml);
    const feed = await parse(await response.text());
    expect(feed.errors).toBe(0);
    expect(feed.root).toBe("feed");
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(feed.entries.length).toBeLessThanOrEqual(50);
    const times = feed.entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(feed.updated).toBe(feed.entries[0]?.updated);
    for (const entry of feed.entries) {
      // A status change, or a withdrawal (the claim's id and when it was withdrawn; lib/feed/status-feed.ts).
      expect(entry.id).toMatch(/^tag:[^,]+,2026:(?:status-change:\d+|withdrawal:\d+-\d+)$/);
      expect(entry.link).toMatch(/^https?:\/\/[^/]+\/claims\/[a-z0-9-]+$/);
    }

    // Written straight into the database, like the CLI: it asks the server to refresh its cache, as db:import does.
    await refreshReaderCache(request);
    const fresh = await parse(await (await request.get("/feed.xml")).text());
    expect(fresh.errors).toBe(0);
    const entry = fresh.entries.find((e) => e.content.includes(marker));
    expect(entry).toBeDefined();
    expect(entry?.title).toBe(`Tom & Jerry <b>${marker}</b>  claim: Unverified → False`);
    expect(entry?.content).toBe(`Imagery & reports <disagree> ${marker}`);
    expect(entry?.link).toMatch(new RegExp(`/claims/${claim.slug}$`));
  });

  test("reader pages point to it", async ({ page }) => {
    await page.goto("/claims");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      "/feed.xml",
    );
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /status changes/i })).toHaveAttribute(
      "href",
      "/feed.xml",
    );
  });
});

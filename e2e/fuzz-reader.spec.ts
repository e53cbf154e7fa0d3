import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { CATEGORIES, STATUSES } from "@/lib/domain/vocabulary";
import { expect, test } from "./fixtures";
import { baseURL, e2eDb } from "./db";
import { fuzz, hostileText, urlPiece } from "./fuzz";

// Issue 10's fuzzing of every public GET surface over HTTP, through the proxy and the framework as a reader's
// request goes: 500 generated inputs each, never a 5xx, and a whole answer of the surface's own kind (a page with
// its heading, JSON with data or an error, CSV with its header, the Atom feed). Valid inputs are accepted (200).

test.describe.configure({ timeout: 180_000 });

const RUNS = 500;
const LIST_PARAMS = ["q", "status", "category", "actor", "from", "to", "sort", "page", "pageSize"];

type Real = { claims: string[]; actors: string[] };
let real: Real;
test.beforeAll(async () => {
  const db = await e2eDb();
  const claims = await db.claim.findMany({ where: { publishedAt: { not: null } }, select: { slug: true }, take: 20 });
  const actors = await db.actor.findMany({
    where: { claims: { some: { publishedAt: { not: null } } } },
    select: { slug: true },
    take: 20,
  });
  real = { claims: claims.map((c) => c.slug), actors: actors.map((a) => a.slug) };
  expect(real.claims.length).toBeGreaterThan(0);
  expect(real.actors.length).toBeGreaterThan(0);
});

const validDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Filters the list and the API accept: any subset, each value valid. */
const validFilters = fc.record(
  {
    q: fc.stringMatching(/^[a-z]{1,12}( [a-z]{1,12})?$/),
    status: fc.constantFrom(...STATUSES),
    category: fc.constantFrom(...CATEGORIES),
    from: validDay,
    sort: fc.constantFrom("relevance", "newest", "oldest", "updated"),
    page: fc.integer({ min: 1, max: 100_000 }).map(String),
  },
  { requiredKeys: [] },
);

/** A query string: valid filters, or hostile keys and values (repeated, unknown, encoded or raw). */
const query = fc.oneof(
  validFilters.map((f) => ({ valid: true, search: new URLSearchParams(f).toString() })),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...LIST_PARAMS), urlPiece(hostileText)), urlPiece(hostileText)), {
      maxLength: 6,
    })
    .map((pairs) => ({ valid: false, search: pairs.map(([k, v]) => `${k}=${v}`).join("&") })),
);

/** A path segment: a real slug sometimes (from `pick`), else anything a URL can carry. */
const segment = (pick: () => string[]) =>
  fc.oneof(
    fc.nat().map((i) => ({ valid: true, value: pick()[i % pick().length]! })),
    urlPiece(hostileText)
      .filter((s) => s !== "" && s !== "." && s !== "..")
      .map((value) => ({ valid: false, value })),
  );

async function get(request: APIRequestContext, path: string): Promise<APIResponse> {
  return request.get(`${baseURL}${path}`, { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
}

function expectPage(response: APIResponse, body: string, path: string) {
  expect(response.status(), path).toBeLessThan(500);
  if (response.status() === 200 || response.status() === 404) {
    expect(response.headers()["content-type"], path).toMatch(/^text\/html/);
    // A whole page, not an empty shell: its heading and the end of the document.
    expect(body, path).toMatch(/<h1[\s>]/);
    expect(body, path).toContain("</html>");
  }
}

function expectApiError(response: APIResponse, body: string, path: string) {
  const json = JSON.parse(body) as { error?: { message?: string } };
  expect(typeof json.error?.message, `${path}: ${body.slice(0, 200)}`).toBe("string");
}

const counts: Record<string, number> = {};
test.afterAll(() => console.log(`generated inputs per surface: ${JSON.stringify(counts)}`));

test("/claims with generated query strings: always a whole page", async ({ request }) => {
  counts["/claims?…"] = await fuzz(
    "/claims",
    query,
    async ({ valid, search }) => {
      const path = `/claims?${search}`;
      const response = await get(request, path);
      const body = await response.text();
      expectPage(response, body, path);
      expect([200], path).toContain(response.status());
      // Valid filters are applied, none is reported as ignored.
      if (valid) expect(body, path).not.toMatch(/w(?:as|ere) ignored/);
    },
    { numRuns: RUNS },
  );
});

test("/claims/[slug] and /actors/[slug]: a page or a real 404", async ({ request }) => {
  for (const [kind, pick] of [
    ["claims", () => real.claims],
    ["actors", () => real.actors],
  ] as const) {
    counts[`/${kind}/[slug]`] = await fuzz(
      `/${kind}/[slug]`,
      segment(pick),
      async ({ valid, value }) => {
        const path = `/${kind}/${value}`;
        const response = await get(request, path);
        const body = await response.text();
        expectPage(response, body, path);
        if (valid) expect(response.status(), path).toBe(200);
        else expect([200, 404, 308], path).toContain(response.status());
      },
      { numRuns: RUNS },
    );
  }
});

test("/api/claims and /api/claims.csv with generated query strings: data, or a 400 naming the parameters", async ({
  request,
}) => {
  for (const csv of [false, true]) {
    const endpoint = csv ? "/api/claims.csv" : "/api/claims";
    counts[`${endpoint}?…`] = await fuzz(
      endpoint,
      query.map((q) => (csv ? { ...q, search: q.search.replace(/(^|&)page=[^&]*/g, "") } : q)),
      async ({ valid, search }) => {
        const path = `${endpoint}?${search}`;
        const response = await get(request, path);
        const body = await response.text();
        expect(response.status(), `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if (valid) expect(response.status(), `${path}: ${body.slice(0, 200)}`).toBe(200);
        if (response.status() === 200) {
          if (csv) expect(body.startsWith("\ufeffslug,url,statement"), path).toBe(true);
          else expect(Array.isArray((JSON.parse(body) as { data?: unknown }).data), path).toBe(true);
        } else {
          expect(response.status(), path).toBe(400);
          expectApiError(response, body, path);
        }
      },
      { numRuns: RUNS },
    );
  }
});

test("/api/claims/[slug]: the claim, or a JSON 404", async ({ request }) => {
  counts["/api/claims/[slug]"] = await fuzz(
    "/api/claims/[slug]",
    segment(() => real.claims),
    async ({ valid, value }) => {
      const path = `/api/claims/${value}`;
      const response = await get(request, path);
      const body = await response.text();
      expect(response.status(), `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
      if (valid) expect(response.status(), path).toBe(200);
      if (response.status() === 200)
        expect((JSON.parse(body) as { data?: { slug?: string } }).data?.slug, path).toBeTruthy();
      else if (response.status() === 404) expectApiError(response, body, path);
      else expect([308], path).toContain(response.status());
    },
    { numRuns: RUNS },
  );
});

test("/feed.xml with generated query strings: the feed", async ({ request }) => {
  counts["/feed.xml?…"] = await fuzz(
    "/feed.xml",
    query,
    async ({ search }) => {
      const path = `/feed.xml?${search}`;
      const response = await get(request, path);
      const body = await response.text();
      expect(response.status(), path).toBe(200);
      expect(body.startsWith("<?xml"), path).toBe(true);
      expect(body, path).toContain("</feed>");
    },
    { numRuns: RUNS },
  );
});

test("/claims/[slug]/feed.xml and /actors/[slug]/feed.xml: a story's feed, or a 404", async ({ request }) => {
  for (const [kind, pick] of [
    ["claims", () => real.claims],
    ["actors", () => real.actors],
  ] as const) {
    counts[`/${kind}/[slug]/feed.xml`] = await fuzz(
      `/${kind}/[slug]/feed.xml`,
      segment(pick),
      async ({ valid, value }) => {
        const path = `/${kind}/${value}/feed.xml`;
        const response = await get(request, path);
        const body = await response.text();
        expect(response.status(), `${path}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if (valid) expect(response.status(), path).toBe(200);
        if (response.status() === 200) {
          expect(response.headers()["content-type"], path).toBe("application/atom+xml; charset=utf-8");
          expect(body.startsWith("<?xml"), path).toBe(true);
          expect(body, path).toContain("</feed>");
        } else expect([404, 308], path).toContain(response.status());
      },
      { numRuns: RUNS },
    );
  }
});

test("/claims/[slug]/share-card.png: a 1200×630 PNG, or a 404", async ({ request }) => {
  // Fewer runs than elsewhere: each real slug draws a PNG, the costliest answer of the site (decision 0030).
  counts["/claims/[slug]/share-card.png"] = await fuzz(
    "/claims/[slug]/share-card.png",
    segment(() => real.claims),
    async ({ valid, value }) => {
      const path = `/claims/${value}/share-card.png`;
      const response = await get(request, path);
      const body = await response.body();
      expect(response.status(), `${path}: ${body.subarray(0, 200).toString()}`).toBeLessThan(500);
      if (valid) expect(response.status(), path).toBe(200);
      if (response.status() === 200) {
        expect(response.headers()["content-type"], path).toBe("image/png");
        expect([body.readUInt32BE(16), body.readUInt32BE(20)], path).toEqual([1200, 630]);
      } else expect([404, 308], path).toContain(response.status());
    },
    { numRuns: 100 },
  );
});

test("/corrections/page/N and /corrections?page=N: a page, a redirect to one, or a real 404", async ({ request }) => {
  const page = fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((n) => ({ valid: true, value: String(n) })),
    fc.oneof(fc.integer().map(String), urlPiece(hostileText)).map((value) => ({ valid: false, value })),
  );
  counts["/corrections/page/N"] = await fuzz(
    "/corrections/page/N",
    fc.tuple(page, fc.boolean()),
    async ([{ valid, value }, inQuery]) => {
      const path = inQuery ? `/corrections?page=${value}` : `/corrections/page/${value}`;
      const response = await get(request, path);
      const body = await response.text();
      expectPage(response, body, path);
      expect([200, 404, 308], path).toContain(response.status());
      if (valid && value === "1") expect([200, 308], path).toContain(response.status());
    },
    { numRuns: RUNS },
  );
});

import { expect, test } from "./fixtures";
import { makeTestClaim, unique } from "@/test-support/builders";

// The JSON API and the CSV export, at the HTTP level (Playwright's request fixture: no browser). Each test writes
// its own claims under a fresh word or claimant, so every query is one the server has not cached yet.

const CLAIM_FIELDS = [
  "slug",
  "url",
  "statement",
  "originalText",
  "originalLanguage",
  "category",
  "kind",
  "status",
  "statusLabel",
  "rating",
  "statusRationale",
  "claimant",
  "claimedAt",
  "claimedAtPrecision",
  "claimedAtKnown",
  "location",
  "updatedAt",
  "about",
].sort();

type ApiList = {
  data: { slug: string; status: string; statement: string }[];
  page: number;
  pageSize: number;
  total: number;
  totalIsEstimate: boolean;
  pageCount: number;
};

test.describe("GET /api/claims", () => {
  test("applies the list's filters, search and pagination to published claims only", async ({ request, db }) => {
    const word = unique("okapi");
    const a = await makeTestClaim(db, {
      statement: `Alpha ${word} strike`,
      status: "DISPUTED",
      category: "CASUALTIES",
      claimedAt: new Date("2026-03-10T12:00:00Z"),
    });
    const same = { claimantId: a.claimant.id };
    const b = await makeTestClaim(db, {
      ...same,
      statement: `Beta ${word} denial`,
      status: "FALSE",
      category: "CASUALTIES",
      claimedAt: new Date("2026-04-10T12:00:00Z"),
    });
    const c = await makeTestClaim(db, {
      ...same,
      statement: "Gamma other words",
      status: "DISPUTED",
      category: "OTHER",
      claimedAt: new Date("2026-05-10T12:00:00Z"),
    });
    const draft = await makeTestClaim(db, { ...same, statement: `Draft ${word}`, published: false });
    const actor = a.claimant.slug;

    const list = async (query: string) => {
      const response = await request.get(`/api/claims?${query}`);
      expect(response.status(), query).toBe(200);
      return (await response.json()) as ApiList;
    };
    const slugs = async (query: string) => (await list(query)).data.map((d) => d.slug);

    const all = await list(`actor=${actor}`);
    expect(all).toMatchObject({ page: 1, pageSize: 20, total: 3, totalIsEstimate: false, pageCount: 1 });
    expect(all.data.map((d) => d.slug)).toEqual([c.slug, b.slug, a.slug]);
    expect(Object.keys(all.data[0]!).sort()).toEqual(CLAIM_FIELDS);
    expect(all.data[1]).toMatchObject({ status: "FALSE", statusLabel: "False", rating: 1, claimant: { slug: actor } });
    expect(all.data.map((d) => d.slug)).not.toContain(draft.slug);

    expect(await slugs(`q=${word}`)).toEqual([b.slug, a.slug]);
    expect(await slugs(`actor=${actor}&status=DISPUTED`)).toEqual([c.slug, a.slug]);
    expect(await slugs(`actor=${actor}&category=CASUALTIES&sort=oldest`)).toEqual([a.slug, b.slug]);
    expect(await slugs(`actor=${actor}&from=2026-04-01&to=2026-04-30`)).toEqual([b.slug]);
    expect(await slugs(`q=${word}&actor=${actor}&status=FALSE`)).toEqual([b.slug]);

    const page2 = await list(`actor=${actor}&pageSize=2&page=2`);
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3, pageCount: 2 });
    expect(page2.data.map((d) => d.slug)).toEqual([a.slug]);
    expect((await list(`actor=${actor}&page=9`)).data).toEqual([]);
  });

  test("refuses bad parameters with a 400 that names each of them", async ({ request }) => {
    const response = await request.get(
      "/api/claims?status=BOGUS&pageSize=500&from=2026-13-01&colour=red&sort=sideways",
    );
    expect(response.status()).toBe(400);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = (await response.json()) as {
      error: { message: string; params: { param: string; message: string }[] };
    };
    expect(body.error.message).toBeTruthy();
    expect(body.error.params.map((p) => p.param).sort()).toEqual(["colour", "from", "pageSize", "sort", "status"]);
    expect(body.error.params.find((p) => p.param === "status")?.message).toContain("Unknown status “BOGUS”");

    const twice = await request.get("/api/claims?status=FALSE&status=DISPUTED");
    expect(twice.status()).toBe(400);
    expect(((await twice.json()) as typeof body).error.params).toEqual([
      { param: "status", message: "Given more than once." },
    ]);

    const noActor = await request.get(`/api/claims?actor=${unique("nobody")}`);
    expect(noActor.status()).toBe(400);
    expect(((await noActor.json()) as typeof body).error.params[0]?.param).toBe("actor");
  });

  test("hostile search text is an ordinary answer", async ({ request }) => {
    for (const q of ['"', "NEAR(a b)", ")))", "col:x", "'; DROP TABLE Claim; --", "پاکستان", "😀", "-x"]) {
      const response = await request.get(`/api/claims?q=${encodeURIComponent(q)}`);
      expect(response.status(), q).toBe(200);
      expect(((await response.json()) as ApiList).total, q).toBeGreaterThanOrEqual(0);
    }
  });

  test("sends headers a CDN can cache by, and answers 304 to a matching ETag", async ({ request, db }) => {
    const claim = await makeTestClaim(db);
    const url = `/api/claims?actor=${claim.claimant.slug}`;
    const first = await request.get(url);
    expect(first.headers()["cache-control"]).toBe("public, s-maxage=30, stale-while-revalidate=300");
    expect(first.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.headers()["access-control-allow-origin"]).toBe("*");
    const etag = first.headers()["etag"];
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await request.get(url, { headers: { "If-None-Match": etag! } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
    expect((await request.get(url, { headers: { "If-None-Match": 'W/"other"' } })).status()).toBe(200);
  });
});

test.describe("GET /api/claims/[slug]", () => {
  test("gives the claim with its evidence, withholding a protected source as the page does", async ({
    request,
    db,
  }) => {
    const claim = await makeTestClaim(db, {
      status: "DISPUTED",
      sources: [
        { stance: "SUPPORTS", title: "Ministry statement", url: "https://ministry.example/statement" },
        {
          stance: "REFUTES",
          title: "Secret witness account",
          url: "https://secret.example/witness",
          publisher: "Hidden Wire",
          protected: true,
          protectedReason: "The witness lives in the strike area.",
        },
      ],
      figures: [{ population: "CIVILIANS", outcome: "KILLED", min: 3, max: 5 }],
    });
    const response = await request.get(`/api/claims/${claim.slug}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("public, s-maxage=30, stale-while-revalidate=300");
    const text = await response.text();
    expect(text).not.toContain("Secret witness account");
    expect(text).not.toContain("secret.example");
    expect(text).not.toContain("Hidden Wire");
    const { data } = JSON.parse(text) as {
      data: Record<string, unknown> & {
        sources: Record<string, unknown>[];
        statusHistory: unknown[];
        figures: unknown[];
      };
    };
    expect(data).toMatchObject({
      slug: claim.slug,
      status: "DISPUTED",
      rating: 3,
      url: expect.stringMatching(new RegExp(`/claims/${claim.slug}$`)) as unknown,
    });
    expect(data.sources).toEqual([
      expect.objectContaining({
        stance: "SUPPORTS",
        withheld: false,
        title: "Ministry statement",
        url: "https://ministry.example/statement",
      }),
      expect.objectContaining({
        stance: "REFUTES",
        withheld: true,
        withheldReason: "The witness lives in the strike area.",
      }),
    ]);
    expect(data.sources[1]).not.toHaveProperty("url");
    expect(data.figures).toEqual([
      expect.objectContaining({ population: "CIVILIANS", outcome: "KILLED", min: 3, max: 5 }),
    ]);
    expect(data.statusHistory).toEqual([expect.objectContaining({ from: "UNVERIFIED", to: "DISPUTED" })]);
  });

  test("answers 404 in JSON for unknown, odd and draft slugs", async ({ request, db }) => {
    const draft = await makeTestClaim(db, { published: false });
    for (const slug of [unique("missing"), "Bad%20Slug", "%3Cscript%3E", draft.slug]) {
      const response = await request.get(`/api/claims/${slug}`);
      expect(response.status(), slug).toBe(404);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("no published claim");
    }
  });
});

test.describe("GET /api/claims.csv", () => {
  test("exports the filtered claims as RFC 4180 CSV with a BOM, neutralising formulas", async ({ request, db }) => {
    const word = unique("csvword");
    const evil = await makeTestClaim(db, {
      statement: `=HYPERLINK("http://evil.example","${word}")`,
      status: "FALSE",
      claimedAt: new Date("2026-02-01T00:00:00Z"),
    });
    const same = { claimantId: evil.claimant.id };
    const quoted = await makeTestClaim(db, {
      ...same,
      statement: `${word}, "quoted"\nacross lines`,
      status: "DISPUTED",
      claimedAt: new Date("2026-03-01T00:00:00Z"),
      claimedAtPrecision: "MONTH",
    });
    await makeTestClaim(db, { ...same, statement: `${word} draft`, published: false });
    await makeTestClaim(db, { ...same, statement: "@SUM(1+1) unrelated", status: "DISPUTED" });

    const response = await request.get(`/api/claims.csv?actor=${evil.claimant.slug}&q=${word}&sort=oldest`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="claims.csv"');
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, ...rest] = csv.split("\r\n");
    expect(header).toBe(
      "slug,url,statement,originalText,originalLanguage,category,kind,status,statusLabel,rating,statusRationale,claimantSlug,claimantName,claimantCountry,claimantSide,claimedAt,claimedAtPrecision,claimedAtKnown,location,updatedAt,about",
    );
    const body = rest.join("\r\n");
    expect(body).toContain(`${evil.slug},`);
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example"",""${word}"")"`);
    expect(body).toContain(`"${word}, ""quoted""\nacross lines"`);
    expect(body).not.toContain("draft");
    expect(body).not.toContain("@SUM");
    expect(body.indexOf(evil.slug)).toBeLessThan(body.indexOf(quoted.slug));
    // The date as stored, then how precisely it is known and what of it is.
    expect(body).toContain(",2026-03-01T00:00:00.000Z,MONTH,2026-03,");

    const filtered = await (await request.get(`/api/claims.csv?actor=${evil.claimant.slug}&status=DISPUTED`)).text();
    expect(filtered).toContain(quoted.slug);
    expect(filtered).toContain("'@SUM(1+1) unrelated");
    expect(filtered).not.toContain(evil.slug);
  });

  test("refuses bad parameters, and paging, with a 400", async ({ request }) => {
    const response = await request.get("/api/claims.csv?status=NOPE&page=2");
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { error: { params: { param: string }[] } };
    expect(body.error.params.map((p) => p.param).sort()).toEqual(["page", "status"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import type { Db } from "@/lib/db/create-client";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import { toFtsQuery } from "@/lib/sqlite/fts-query";
import { narrowPrefixes, searchClaimIds, searchClaimPage } from "@/lib/sqlite/search";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

// The search's shortcuts for large result sets (lib/sqlite/search.ts, docs/decisions/0013-search-at-scale.md):
// prefixes narrowed to the words they stand for, relevance ranked within the newest matches, a capped count with
// filters, and date sorts that walk the date index. Small windows reach each path with a handful of claims.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

// Letters only: digits would make a separate token in some positions, and the words must be new to the index.
const word = (prefix: string) =>
  prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const match = (q: string) => toFtsQuery(q)!;
const page = (
  _q: string,
  opts: Partial<{ sort: "relevance" | "newest" | "oldest" | "updated"; offset: number }> = {},
) => ({ sort: opts.sort ?? "relevance", offset: opts.offset ?? 0, limit: 20 }) as const;

describe("narrowPrefixes", () => {
  it("replaces a prefix by the few indexed words it stands for, and finds the same claims", async () => {
    const stem = word("zq");
    await makeTestClaim(db, { statement: `Reported ${stem}ed by the ministry` });
    await makeTestClaim(db, { statement: `Reported ${stem}ing near the crossing` });
    await makeTestClaim(db, { statement: `Only ${stem}ed once more` });
    expect(await narrowPrefixes(db, match(`${stem}ed`))).toBe(`"${stem}ed"`);
    expect(await narrowPrefixes(db, match(stem))).toBe(`("${stem}ed" OR "${stem}ing")`);
    // Upper case is looked up folded; the index folds it the same way.
    expect(await narrowPrefixes(db, match(stem.toUpperCase()))).toBe(`("${stem}ed" OR "${stem}ing")`);
    // The snippets mark the words of the narrowed expression.
    const listed = await listPublishedClaims(db, parseClaimFilters({ q: stem }).filters);
    expect(listed.claims.map((c) => c.match?.statement.find((s) => s.hit)?.text).sort()).toEqual(
      [`${stem}ed`, `${stem}ed`, `${stem}ing`].sort(),
    );
    for (const q of [stem, `${stem}ed`, `${stem}ed -once`, `${stem} OR nothingsuch`]) {
      const narrowed = await searchClaimIds(db, match(q), {}, "relevance");
      const raw = await db.$queryRawUnsafe<{ id: bigint | number }[]>(
        `SELECT rowid AS id FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY rowid`,
        match(q),
      );
      expect([...narrowed].sort((a, b) => a - b)).toEqual(raw.map((r) => Number(r.id)));
    }
  });

  it("leaves 3-character prefixes, unknown words, many forms and phrases as they are", async () => {
    const stem = word("zx");
    for (const ending of ["a", "b", "c", "d", "e"]) await makeTestClaim(db, { statement: `Seen ${stem}${ending}` });
    expect(await narrowPrefixes(db, match(stem))).toBe(`"${stem}"*`);
    expect(await narrowPrefixes(db, match("zqa"))).toBe(`"zqa"*`);
    expect(await narrowPrefixes(db, match(word("nothere")))).toMatch(/^"nothere[a-z]+"\*$/);
    expect(await narrowPrefixes(db, match(`"${stem}a ${stem}b"`))).toBe(`"${stem}a ${stem}b"`);
    expect(await narrowPrefixes(db, `"${stem}a ${stem}b"*`)).toBe(`"${stem}a ${stem}b"*`);
  });
});

describe("searchClaimPage at scale", () => {
  it("ranks the newest matches of the window by relevance and says how many can be listed", async () => {
    const term = word("zr");
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    // Oldest first: the oldest is the best match (the word three times in the statement), outside a window of 3.
    const best = await makeTestClaim(db, { statement: `${term} ${term} ${term}`, claimedAt: day(1) });
    const others = [];
    for (let i = 2; i <= 5; i++)
      others.push(
        await makeTestClaim(db, { statement: `A longer statement that names ${term} once, ${i}`, claimedAt: day(i) }),
      );
    const strong = await makeTestClaim(db, { statement: `${term} ${term}`, claimedAt: day(6) });

    const full = await searchClaimPage(db, match(term), {}, page(term));
    expect(full).toMatchObject({ total: 6, totalIsEstimate: false, listed: 6 });
    expect(full.ids[0]).toBe(best.id);

    const windowed = await searchClaimPage(db, match(term), {}, page(term), { rankWindow: 3 });
    expect(windowed).toMatchObject({ total: 6, totalIsEstimate: false, listed: 3 });
    // The three newest (by id), best first: the one with the word twice, then the newer of the others.
    expect(windowed.ids).toEqual([strong.id, others[3]!.id, others[2]!.id]);
    expect((await searchClaimPage(db, match(term), {}, page(term, { offset: 3 }), { rankWindow: 3 })).ids).toEqual([]);

    // By date every match can be paged through, and the count stays exact.
    const byDate = await searchClaimPage(db, match(term), {}, page(term, { sort: "oldest" }), { rankWindow: 3 });
    expect(byDate).toMatchObject({ total: 6, listed: 6 });
    expect(byDate.ids[0]).toBe(best.id);
  });

  it("with filters, counts no further than the window and says the count is a lower bound", async () => {
    const term = word("zf");
    for (let i = 0; i < 4; i++) await makeTestClaim(db, { statement: `Disputed ${term} ${i}`, status: "DISPUTED" });
    await makeTestClaim(db, { statement: `Confirmed ${term}`, status: "CONFIRMED" });
    const filters = { status: "DISPUTED" } as const;
    expect(await searchClaimPage(db, match(term), filters, page(term))).toMatchObject({
      total: 4,
      totalIsEstimate: false,
      listed: 4,
    });
    // Within the window, the same order as ranking every match (the export's SQL ORDER BY).
    await makeTestClaim(db, { statement: `${term} ${term} twice`, status: "DISPUTED" });
    const exported = await searchClaimIds(db, match(term), filters, "relevance");
    expect((await searchClaimPage(db, match(term), filters, page(term))).ids).toEqual(exported);
    expect((await searchClaimPage(db, match(term), filters, { sort: "relevance", offset: 1, limit: 2 })).ids).toEqual(
      exported.slice(1, 3),
    );
    const capped = await searchClaimPage(db, match(term), filters, page(term), { rankWindow: 2 });
    expect(capped).toMatchObject({ total: 2, totalIsEstimate: true, listed: 2 });
    expect(capped.ids).toHaveLength(2);
    const ids = await searchClaimIds(db, match(term), filters, "relevance");
    expect(ids).toHaveLength(5);
    expect(ids).toEqual(expect.arrayContaining(capped.ids));
  });

  it("walks the date index for a word in many claims, with the same pages as the join", async () => {
    const term = word("zw");
    const ids = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        (await makeTestClaim(db, { statement: `Walk ${term}`, claimedAt: new Date(Date.UTC(2030, 0, 1 + i)) })).id,
      );
    for (const sort of ["newest", "oldest", "updated"] as const)
      for (const offset of [0, 2, 5, 8]) {
        const opts = { sort, offset, limit: 2 };
        const walked = await searchClaimPage(db, match(term), {}, opts, { walkMinMatches: 1 });
        const joined = await searchClaimPage(db, match(term), {}, opts, { walkMinMatches: Infinity });
        expect(walked).toEqual(joined);
      }
    const newest = await searchClaimPage(
      db,
      match(term),
      {},
      { sort: "newest", offset: 0, limit: 3 },
      { walkMinMatches: 1 },
    );
    expect(newest.ids).toEqual(ids.slice(-3).reverse());
  });

  it("puts the estimate and the listable count on the list page's result", async () => {
    const term = word("zl");
    await makeTestClaim(db, { statement: `Listed ${term}` });
    const result = await listPublishedClaims(db, parseClaimFilters({ q: term }).filters);
    expect(result).toMatchObject({ total: 1, totalIsEstimate: false, listed: 1, pageCount: 1 });
    const plain = await listPublishedClaims(db, parseClaimFilters({}).filters);
    expect(plain.totalIsEstimate).toBe(false);
    expect(plain.listed).toBe(plain.total);
  });
});

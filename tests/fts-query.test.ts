import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import { engineOf, type Db } from "@/lib/db/create-client";
import { toTsQuery } from "@/lib/postgres/ts-query";
import { MAX_ITEMS, toFtsQuery } from "@/lib/sqlite/fts-query";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

/**
 * Straight to FTS5 (or on PostgreSQL to to_tsquery, through toTsQuery()), without the data layer's safety net, so a
 * bad expression fails the test.
 */
async function rawMatchCount(expression: string): Promise<number> {
  if (engineOf(db) === "postgresql") {
    const query = toTsQuery(expression);
    expect(query, expression).not.toBeNull();
    const rows = await db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT COUNT(*) AS n FROM "Claim" WHERE "search" @@ to_tsquery('claimwatch', ${query})`;
    return Number(rows[0]?.n ?? 0);
  }
  const rows = await db.$queryRaw<
    { n: bigint | number }[]
  >`SELECT COUNT(*) AS n FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${expression}`;
  return Number(rows[0]?.n ?? 0);
}

const HOSTILE = [
  '"',
  '""',
  '"""',
  "*",
  "**x",
  "x*",
  "-x",
  "-",
  "--x",
  "NEAR(a b)",
  'NEAR("a" "b", 2)',
  "a AND",
  "AND",
  "OR",
  "NOT",
  "a OR",
  "OR a",
  "a NOT",
  "(",
  ")))",
  "((a)",
  "col:x",
  "statement:army",
  "{statement originalText}: army",
  "^x",
  "^",
  "'; DROP TABLE Claim; --",
  '"; DROP TABLE "Claim"; --',
  "😀",
  "army 😀🔥",
  "پاکستان",
  "طالبان",
  "پاک",
  "arm",
  "a\u0000b",
  "\u200f\u200e",
  "a\\b",
  "%_%",
  "x".repeat(200),
  Array.from({ length: 60 }, (_, i) => `w${i}`).join(" "),
];

describe("toFtsQuery", () => {
  it("quotes every word, prefixes words of three or more characters, and passes no FTS5 syntax through", () => {
    expect(toFtsQuery("soldiers killed")).toBe('"soldiers"* AND "killed"*');
    expect(toFtsQuery("TTP is")).toBe('"TTP"* AND "is"');
    expect(toFtsQuery('"army struck" depot')).toBe('"army struck" AND "depot"*');
    expect(toFtsQuery("unique-word-x")).toBe('"unique word x"');
    expect(toFtsQuery("Tehrik-e-Taliban")).toBe('"Tehrik e Taliban"*');
    expect(toFtsQuery("army -depot")).toBe('("army"*) NOT "depot"*');
    expect(toFtsQuery("army NOT depot")).toBe('("army"*) NOT "depot"*');
    expect(toFtsQuery("army OR troops strike")).toBe('("army"* OR "troops"*) AND "strike"*');
    expect(toFtsQuery("col:x")).toBe('"col x"');
    expect(toFtsQuery("NEAR(a b)")).toBe('"NEAR a" AND "b"');
    expect(toFtsQuery("^x")).toBe('"x"');
    expect(toFtsQuery("پاکستان")).toBe('"پاکستان"*');
  });

  it("returns null when nothing can be looked for", () => {
    for (const text of ['"', '""', "*", "-x", "-", ")))", "(", "^", "😀", "OR", "AND NOT", "", "   "]) {
      expect(toFtsQuery(text), JSON.stringify(text)).toBeNull();
    }
  });

  it("keeps at most MAX_ITEMS words", () => {
    const expression = toFtsQuery(Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ")) ?? "";
    expect(expression.split(" AND ")).toHaveLength(MAX_ITEMS);
  });

  it("gives FTS5 only expressions it accepts, for every hostile input", async () => {
    for (const text of HOSTILE) {
      const expression = toFtsQuery(text);
      if (expression !== null) await expect(rawMatchCount(expression), text).resolves.toBeGreaterThanOrEqual(0);
    }
  });

  it("survives random strings of FTS5 and SQL punctuation, quotes and scripts", async () => {
    const alphabet = [
      ..."\"'*-^():{}[],.;+!?\\%_ \t\n\u0000abcNEARORANDNOT",
      "NEAR",
      "OR",
      "AND",
      "NOT",
      "پا",
      "طا",
      "😀",
      "é",
      "\u0301",
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      const expression = toFtsQuery(text);
      if (expression !== null)
        await expect(rawMatchCount(expression), JSON.stringify(text)).resolves.toBeGreaterThanOrEqual(0);
    }
  });
});

describe("search through the reader list", () => {
  const search = async (q: string, extra: Record<string, string> = {}) => {
    const result = await listPublishedClaims(db, parseClaimFilters({ q, ...extra }).filters);
    return result.claims.map((c) => c.slug);
  };

  it("never fails on hostile input, and leaves the data alone", async () => {
    const claim = await makeTestClaim(db, { statement: "Army struck a depot near the crossing" });
    const before = await db.claim.count();
    for (const text of HOSTILE) {
      const result = await listPublishedClaims(db, parseClaimFilters({ q: text }).filters);
      expect(result.total, text).toBeGreaterThanOrEqual(0);
    }
    expect(await db.claim.count()).toBe(before);
    expect(await search("army struck depot")).toContain(claim.slug);
  });

  it("matches Pashto, Dari and Urdu words, whole and by a three-letter start", async () => {
    const ps = await makeTestClaim(db, {
      originalText: "د پاکستان پوځ وايي چې د ټي ټي پي پټنځايونه یې ویشتلي",
      originalLanguage: "ps",
    });
    const ur = await makeTestClaim(db, {
      originalText: "طالبان نے پاکستانی الزامات کی تردید کی",
      originalLanguage: "ur",
    });
    const fa = await makeTestClaim(db, {
      originalText: "طالبان می‌گویند هیچ گروهی در افغانستان پناه ندارد",
      originalLanguage: "fa",
    });
    expect(await search("پاکستان")).toEqual(expect.arrayContaining([ps.slug, ur.slug]));
    expect(await search("پاک")).toEqual(expect.arrayContaining([ps.slug, ur.slug]));
    expect(await search("طالبان")).toEqual(expect.arrayContaining([ur.slug, fa.slug]));
    expect(await search("طالبان")).not.toContain(ps.slug);
    // A zero-width non-joiner (Dari) separates words like a space does, in the text and in the query.
    expect(await search("گویند")).toEqual([fa.slug]);
    expect(await search("افغانستان پناه")).toEqual([fa.slug]);
  });

  it("folds case and Latin diacritics, matches a prefix from three characters, and exact phrases", async () => {
    const word = `zq${Date.now().toString(36)}`;
    const claim = await makeTestClaim(db, { statement: `Crème ${word} Soldiers STRUCK the depot` });
    expect(await search(`creme ${word}`)).toEqual([claim.slug]);
    expect(await search(`${word} str`)).toEqual([claim.slug]);
    expect(await search(`${word} st`)).toEqual([]); // two characters: a whole word only
    expect(await search(`"soldiers struck" ${word}`)).toEqual([claim.slug]);
    expect(await search(`"struck soldiers" ${word}`)).toEqual([]);
    expect(await search(`${word} -depot`)).toEqual([]);
    expect(await search(`${word} (depot OR nothing-like-it)`)).toEqual([claim.slug]);
  });

  it("says when the words hold nothing to search for", async () => {
    const result = await listPublishedClaims(db, parseClaimFilters({ q: "😀 *** ---" }).filters);
    expect(result).toMatchObject({ total: 0, claims: [], unsearchable: true });
  });
});

import { describe, expect, it } from "vitest";
import { toSimilarityQuery, significantTerms } from "@/lib/domain/similar-terms";
import { toTsQuery } from "@/lib/postgres/ts-query";
import { toFtsQuery } from "@/lib/sqlite/fts-query";

// The PostgreSQL search runs on the FTS5 expressions callers build, rewritten for to_tsquery (lib/postgres/ts-query.ts).
// What the server makes of them is checked by tests/fts-query.test.ts on TEST_DATABASE_URL=postgresql://…; here,
// without a server, the shape: the same words, prefixes and operators, and nothing else.

describe("toTsQuery", () => {
  it("keeps words, prefixes, phrases, OR and NOT", () => {
    expect(toTsQuery(toFtsQuery("Kabul denies")!)).toBe("'Kabul':* & 'denies':*");
    expect(toTsQuery(toFtsQuery('"border strikes" -civilian')!)).toBe(
      "( (('border' <-> 'strikes') | 'border-strikes') ) & ! 'civilian':*",
    );
    expect(toTsQuery(toFtsQuery("kil OR dead")!)).toBe("( 'kil':* | 'dead':* )");
    expect(toTsQuery(toFtsQuery("د پاکستان")!)).toBe("'د' & 'پاکستان':*");
  });

  it("turns the column filter of similar claims into the weights of statement and original wording", () => {
    const query = toTsQuery(toSimilarityQuery(significantTerms("Khost strikes"), "any")!)!;
    expect(query).toMatch(/'khost':AB/);
    expect(query).not.toMatch(/:[CD]|\{|\}/);
  });

  it("passes nothing but quoted word characters and its own operators, for hostile and random input", () => {
    const alphabet = [..."\"'*-^():{}[],.;+!?\\%_&|<> \t\n\u0000abcNEARORANDNOT", "OR", "AND", "NOT", "پا", "😀", "é"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      const fts = toFtsQuery(text);
      if (fts === null) continue;
      const query = toTsQuery(fts);
      expect(query, JSON.stringify(text)).not.toBeNull();
      // Outside the quotes only operators, parentheses and weights; inside, word characters only.
      // (Words joined by hyphens, a phrase's second form, are one quoted operand: inside quotes "-" is no operator.)
      const outside = query!.replace(/'[\p{L}\p{N}\p{M}\p{Co}]+(?:-[\p{L}\p{N}\p{M}\p{Co}]+)*'(:\*?[A-D]*)?/gu, "W");
      expect(outside, JSON.stringify(text)).toMatch(/^[W&|!()<\->\s]+$/);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("is null when the expression holds no word", () => {
    expect(toTsQuery('""')).toBeNull();
    expect(toTsQuery("AND OR")).toBeNull();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_PAGE_SIZE_MAX, parseApiClaimParams } from "@/lib/api/claim-params";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import {
  ClaimFiltersArg,
  READER_PAGE_SIZE_MAX,
  ReaderPageArg,
  ReaderPageSizeArg,
  ReaderSlugArg,
  readerArg,
} from "@/lib/validation/reader-args";

// The arguments a cached reader function accepts (lib/data/entry-points/reader.ts): what the pages and the API pass
// always, what a stranger's Server Action call carries never (issue 10, item 1).

const FILTER_KEYS = ["q", "status", "kind", "category", "actor", "from", "to", "sort", "page", "other"] as const;
const queryValue = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    "DISPUTED",
    "FALSE",
    "FACT",
    "POSITION",
    "CASUALTIES",
    "newest",
    "relevance",
    "2026-02-30",
    "2026-11-01",
    "0",
    "-5",
  ),
  fc.integer({ min: -10, max: 200_000 }).map(String),
);

describe("ClaimFiltersArg", () => {
  it("accepts every filter set parseClaimFilters and the API make (1,000 generated query strings)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FILTER_KEYS), queryValue), (params) => {
        const { filters } = parseClaimFilters(params);
        expect(readerArg(ClaimFiltersArg, filters)).toEqual(filters);
        const api = parseApiClaimParams(new URLSearchParams(params), { paged: true });
        if (api.ok) {
          expect(readerArg(ClaimFiltersArg, api.filters)).toEqual(api.filters);
          expect(readerArg(ReaderPageSizeArg, api.pageSize)).toBe(api.pageSize);
        }
      }),
      { numRuns: 1000, seed: 10_001 },
    );
  });

  it("refuses the operators, odd numbers and extra keys of a hand-made call", () => {
    const ok = { sort: "newest", page: 1 };
    expect(readerArg(ClaimFiltersArg, ok)).toEqual(ok);
    // Every filter the list parses is accepted, `about` included (docs/decisions/0029-claims-about-actors.md).
    expect(readerArg(ClaimFiltersArg, { ...ok, actor: "pakistan-government", about: "ttp" })).toEqual({
      ...ok,
      actor: "pakistan-government",
      about: "ttp",
    });
    for (const bad of [
      { ...ok, page: -5 },
      { ...ok, page: 0 },
      { ...ok, page: 1.5 },
      { ...ok, page: "1" },
      { ...ok, page: 1e9 },
      { ...ok, status: { not: "X" } },
      { ...ok, status: "X" },
      { ...ok, actor: { contains: "a" } },
      { ...ok, actor: "Not A Slug" },
      { ...ok, about: "Not A Slug" },
      { ...ok, about: { some: {} } },
      { ...ok, q: { search: "a" } },
      { ...ok, q: "x".repeat(201) },
      { ...ok, from: "2026-13-01" },
      { ...ok, sort: "random" },
      { ...ok, where: { publishedAt: null } },
      { page: 1 },
      null,
      [ok],
      "newest",
    ]) {
      expect(readerArg(ClaimFiltersArg, bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("refuses a __proto__ key without polluting anything", () => {
    const hostile = JSON.parse('{"sort":"newest","page":1,"__proto__":{"polluted":true}}') as unknown;
    expect(readerArg(ClaimFiltersArg, hostile)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the other arguments", () => {
  it("bounds the page size at the API's largest page", () => {
    expect(READER_PAGE_SIZE_MAX).toBe(API_PAGE_SIZE_MAX);
    expect(readerArg(ReaderPageSizeArg, 20)).toBe(20);
    expect(readerArg(ReaderPageSizeArg, 100)).toBe(100);
    for (const bad of [20_000, 101, 0, -1, 2.5, "20", null, {}])
      expect(readerArg(ReaderPageSizeArg, bad)).toBeUndefined();
  });

  it("takes a slug as a short string of the slug alphabet only", () => {
    expect(readerArg(ReaderSlugArg, "pakistan-military")).toBe("pakistan-military");
    for (const bad of [{ contains: "a" }, ["a"], "", "a".repeat(201), "A-B", "a b", "a%", 5, null, undefined]) {
      expect(readerArg(ReaderSlugArg, bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("takes a corrections page as a whole number of up to six digits", () => {
    expect(readerArg(ReaderPageArg, 1)).toBe(1);
    expect(readerArg(ReaderPageArg, 999_999)).toBe(999_999);
    for (const bad of [0, -5, 1_000_000, 1.5, "2", { gt: 0 }, Number.NaN])
      expect(readerArg(ReaderPageArg, bad)).toBeUndefined();
  });
});

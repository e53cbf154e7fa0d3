import { describe, expect, it } from "vitest";
import { filtersToSearch, parseClaimFilters } from "@/lib/validation/claim-filters";

describe("parseClaimFilters", () => {
  it("keeps valid filters", () => {
    const { filters, issues } = parseClaimFilters({
      q: "  safe   havens ",
      status: "DISPUTED",
      category: "CASUALTIES",
      actor: "pakistan-military",
      from: "2026-11-01",
      to: "2026-11-30",
      sort: "updated",
      page: "3",
    });
    expect(issues).toEqual([]);
    expect(filters).toEqual({
      q: "safe havens",
      status: "DISPUTED",
      category: "CASUALTIES",
      actor: "pakistan-military",
      from: "2026-11-01",
      to: "2026-11-30",
      sort: "updated",
      page: 3,
    });
  });

  it("filters by kind (factual claim or position) and keeps it in the address", () => {
    expect(parseClaimFilters({ kind: "POSITION" })).toEqual({
      filters: { kind: "POSITION", sort: "newest", page: 1 },
      issues: [],
    });
    const { filters, issues } = parseClaimFilters({ kind: "opinion" });
    expect(filters.kind).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ param: "kind", problem: "Unknown kind “opinion”" })]);
    const withKind = parseClaimFilters({ status: "UNVERIFIED", kind: "FACT" }).filters;
    expect(filtersToSearch(withKind)).toBe("?status=UNVERIFIED&kind=FACT");
    expect(parseClaimFilters(Object.fromEntries(new URLSearchParams("status=UNVERIFIED&kind=FACT"))).filters).toEqual(
      withKind,
    );
  });

  it("drops and reports every unusable value instead of failing", () => {
    const { filters, issues } = parseClaimFilters({
      status: "TRUE",
      category: "<script>",
      actor: "Bad Slug!",
      from: "2026-02-30",
      to: "yesterday",
      sort: "random",
      page: "-2",
    });
    expect(filters).toEqual({ sort: "newest", page: 1 });
    expect(issues.map((i) => i.param).sort()).toEqual(["actor", "category", "from", "page", "sort", "status", "to"]);
    expect(issues.find((i) => i.param === "status")?.message).toMatch(/Unknown status “TRUE”/);
  });

  it("refuses a huge or non-numeric page", () => {
    expect(parseClaimFilters({ page: "99999999999" }).filters.page).toBe(1);
    expect(parseClaimFilters({ page: "1e3" }).issues).toHaveLength(1);
    expect(parseClaimFilters({ page: "0" }).issues).toHaveLength(1);
  });

  it("cuts an over-long search and says so", () => {
    const { filters, issues } = parseClaimFilters({ q: "a".repeat(500) });
    expect(filters.q).toHaveLength(200);
    expect(issues[0]?.param).toBe("q");
  });

  it("ignores a date range that ends before it starts", () => {
    const { filters, issues } = parseClaimFilters({ from: "2026-12-01", to: "2026-11-01" });
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBeUndefined();
    expect(issues).toHaveLength(1);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseClaimFilters({ status: ["FALSE", "CONFIRMED"] }).filters.status).toBe("FALSE");
  });
});

describe("filtersToSearch", () => {
  it("leaves out defaults and round-trips", () => {
    expect(filtersToSearch({ sort: "newest", page: 1 })).toBe("");
    const search = filtersToSearch({ q: "a&b", status: "FALSE", sort: "oldest", page: 2 });
    expect(search).toBe("?q=a%26b&status=FALSE&sort=oldest&page=2");
    const params = Object.fromEntries(new URLSearchParams(search));
    expect(parseClaimFilters(params).filters).toEqual({ q: "a&b", status: "FALSE", sort: "oldest", page: 2 });
  });

  it("orders a search by relevance unless told otherwise, and keeps only a non-default sort in the address", () => {
    expect(parseClaimFilters({ q: "strike" }).filters.sort).toBe("relevance");
    expect(parseClaimFilters({ q: "strike", sort: "newest" }).filters.sort).toBe("newest");
    expect(parseClaimFilters({}).filters.sort).toBe("newest");
    expect(filtersToSearch({ q: "strike", sort: "relevance" })).toBe("?q=strike");
    expect(filtersToSearch({ q: "strike", sort: "newest" })).toBe("?q=strike&sort=newest");
    // Without search words "relevance" means newest first, the default.
    expect(filtersToSearch({ sort: "relevance" })).toBe("");
  });
});

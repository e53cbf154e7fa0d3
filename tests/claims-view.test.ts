import { describe, expect, it } from "vitest";
import { claimsCanonical, claimsListPath, claimsViewPath, viewParams } from "@/lib/http/claims-view";
import { parseClaimFilters } from "@/lib/validation/claim-filters";

// Which /claims requests proxy.ts shows through a cached view, and that the view reads back the same filters
// (lib/http/claims-view.ts).

const view = (query: string) => claimsViewPath(new URLSearchParams(query));

describe("claimsViewPath", () => {
  it("gives the unfiltered list and each filter combination a view of its own", () => {
    expect(view("")).toBe("/claims/view/all");
    expect(view("status=DISPUTED")).toBe(`/claims/view/${encodeURIComponent("status=DISPUTED")}`);
    expect(view("status=FALSE&category=CASUALTIES&page=3")).toBe(
      `/claims/view/${encodeURIComponent("status=FALSE&category=CASUALTIES&page=3")}`,
    );
  });

  it("shares one view between equivalent queries", () => {
    const canonical = view("status=FALSE&page=2");
    expect(view("page=2&status=FALSE")).toBe(canonical);
    expect(view("status=FALSE&page=2&utm_source=share")).toBe(canonical);
    expect(view("status=FALSE&page=2&sort=newest")).toBe(canonical);
    expect(view("page=1")).toBe(view(""));
  });

  it("leaves searches and ignored values to the per-request page, which shows their notices", () => {
    expect(view("q=killed")).toBeNull();
    expect(view("q=killed&status=FALSE")).toBeNull();
    expect(view("status=NOPE")).toBeNull();
    expect(view("kind=OPINION")).toBeNull();
    expect(view("page=0")).toBeNull();
    expect(view("from=yesterday")).toBeNull();
    expect(view("actor=Not%20A%20Slug")).toBeNull();
    // Blank search words are no search.
    expect(view("q=%20%20")).toBe("/claims/view/all");
  });
});

describe("claimsListPath", () => {
  it("sends what cannot be cached to the per-request list with its query string intact", () => {
    const list = (query: string) => claimsListPath(new URLSearchParams(query));
    expect(list("status=DISPUTED")).toBe(view("status=DISPUTED"));
    expect(list("")).toBe("/claims/view/all");
    expect(list("q=killed&status=FALSE")).toBe("/claims/view/search?q=killed&status=FALSE");
    expect(list("status=NOPE")).toBe("/claims/view/search?status=NOPE");
  });
});

describe("viewParams", () => {
  it("reads back exactly the filters the query string had, decoded by Next or not", () => {
    for (const query of [
      "",
      "status=DISPUTED",
      "kind=POSITION&status=UNVERIFIED",
      "actor=pakistan-government&from=2026-11-01&to=2026-11-30&sort=oldest",
    ]) {
      const segment = view(query)!.slice("/claims/view/".length);
      const expected = parseClaimFilters(Object.fromEntries(new URLSearchParams(query))).filters;
      expect(parseClaimFilters(viewParams(decodeURIComponent(segment))).filters).toEqual(expected);
      expect(parseClaimFilters(viewParams(segment)).filters).toEqual(expected);
    }
  });

  it("never throws on a segment nobody made", () => {
    expect(viewParams("%E0%A4%A")).toEqual({});
    expect(parseClaimFilters(viewParams("status=<b>")).issues).toHaveLength(1);
  });
});

describe("claimsCanonical", () => {
  const canonical = (query: string) => claimsCanonical(Object.fromEntries(new URLSearchParams(query)));

  it("names the list as the page shows it: its filters in one order, without defaults or ignored values", () => {
    expect(canonical("")).toBe("/claims");
    expect(canonical("page=1&sort=newest")).toBe("/claims");
    expect(canonical("category=CASUALTIES&status=DISPUTED&utm_source=x")).toBe(
      "/claims?status=DISPUTED&category=CASUALTIES",
    );
    expect(canonical("status=NOPE&page=2")).toBe("/claims?page=2");
    expect(canonical("q=strike&status=FALSE")).toBe("/claims?q=strike&status=FALSE");
  });

  it("is the same for a view's path segment as for the query string it came from", () => {
    const query = "page=2&status=FALSE&category=CASUALTIES";
    const segment = decodeURIComponent(view(query)!.slice("/claims/view/".length));
    expect(claimsCanonical(viewParams(segment))).toBe(canonical(query));
  });
});

import { describe, expect, it } from "vitest";
import { parseApiClaimParams } from "@/lib/api/claim-params";

const parse = (query: string, paged = true) => parseApiClaimParams(new URLSearchParams(query), { paged });

describe("parseApiClaimParams", () => {
  it("accepts the list's filters with page and pageSize", () => {
    expect(
      parse(
        "q=strike&status=DISPUTED&category=CASUALTIES&actor=pakistan-military&from=2026-01-01&to=2026-02-01&sort=oldest&page=2&pageSize=100",
      ),
    ).toEqual({
      ok: true,
      filters: {
        q: "strike",
        status: "DISPUTED",
        category: "CASUALTIES",
        actor: "pakistan-military",
        from: "2026-01-01",
        to: "2026-02-01",
        sort: "oldest",
        page: 2,
      },
      pageSize: 100,
    });
    expect(parse("")).toEqual({ ok: true, filters: { sort: "newest", page: 1 }, pageSize: 20 });
    expect(parse("q=strike")).toMatchObject({ ok: true, filters: { sort: "relevance" } });
    // An empty value means "not given", as in the page's form.
    expect(parse("status=&q=")).toMatchObject({ ok: true, filters: { sort: "newest", page: 1 } });
  });

  it("names every bad parameter with what is wrong", () => {
    const result = parse(
      `status=TRUE&category=x&actor=Bad!&from=2026-13-01&to=soon&sort=random&page=0&pageSize=101&q=${"a".repeat(201)}&colour=red&page=3`,
    );
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => i.param).sort()).toEqual([
      "actor",
      "category",
      "colour",
      "from",
      "page",
      "pageSize",
      "q",
      "sort",
      "status",
      "to",
    ]);
    const message = (param: string) => issues.find((i) => i.param === param)?.message;
    expect(message("status")).toBe(
      "Unknown status “TRUE”; expected one of UNVERIFIED, IN_REVIEW, DISPUTED, UNVERIFIABLE, MISLEADING, FALSE, CONFIRMED.",
    );
    expect(message("page")).toBe("Given more than once.");
    expect(message("pageSize")).toBe("pageSize must be a whole number from 1 to 100.");
    expect(message("colour")).toMatch(/^Unknown parameter; the parameters are q, status/);
    expect(message("q")).toBe("Search text is limited to 200 characters.");
    expect(message("from")).toBe("“2026-13-01” is not a date (use YYYY-MM-DD).");
  });

  it("filters by kind, FACT or POSITION, and names the choices when it is wrong", () => {
    expect(parse("kind=POSITION", false)).toMatchObject({ ok: true, filters: { kind: "POSITION" } });
    expect(parse("kind=fact")).toEqual({
      ok: false,
      issues: [{ param: "kind", message: "Unknown kind “fact”; expected one of FACT, POSITION." }],
    });
  });

  it("refuses page and pageSize on the CSV export, which has every matching claim", () => {
    const result = parse("page=2&pageSize=10&status=FALSE", false);
    expect(result.ok ? [] : result.issues.map((i) => i.param)).toEqual(["page", "pageSize"]);
    expect(parse("status=FALSE&sort=oldest", false)).toMatchObject({
      ok: true,
      filters: { status: "FALSE", sort: "oldest" },
    });
  });

  it("refuses a date range that ends before it starts and a page out of range", () => {
    expect(parse("from=2026-02-01&to=2026-01-01")).toMatchObject({
      ok: false,
      issues: [{ param: "to", message: "The end date is before the start date." }],
    });
    expect(parse("page=100001")).toMatchObject({ ok: false, issues: [{ param: "page" }] });
  });
});

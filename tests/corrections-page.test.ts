import { describe, expect, it } from "vitest";
import { correctionsHref, correctionsQueryTarget, parseCorrectionsPage } from "@/lib/http/corrections-page";

describe("corrections page URLs", () => {
  it("page 1 is /corrections, the others /corrections/page/N", () => {
    expect(correctionsHref(1)).toBe("/corrections");
    expect(correctionsHref(2)).toBe("/corrections/page/2");
  });

  it("reads a page number, or gives page 1 with a notice for anything else", () => {
    expect(parseCorrectionsPage(undefined)).toEqual({ page: 1, issue: null });
    expect(parseCorrectionsPage("7")).toEqual({ page: 7, issue: null });
    expect(parseCorrectionsPage("99999")).toEqual({ page: 99999, issue: null });
    for (const bad of ["abc", "0", "-1", "1.5", "01", "1234567"]) {
      expect(parseCorrectionsPage(bad), bad).toEqual({
        page: 1,
        issue: { param: "page", message: `Page “${bad}” does not exist; showing page 1.` },
      });
    }
  });

  it("redirects an old ?page=N link and shows a bad value through the path form", () => {
    expect(correctionsQueryTarget("1")).toEqual({ redirect: "/corrections" });
    expect(correctionsQueryTarget("3")).toEqual({ redirect: "/corrections/page/3" });
    expect(correctionsQueryTarget("")).toEqual({ redirect: "/corrections" });
    expect(correctionsQueryTarget("abc")).toEqual({ rewrite: "/corrections/page/abc" });
    expect(correctionsQueryTarget("a/b c")).toEqual({ rewrite: "/corrections/page/a%2Fb%20c" });
    expect(correctionsQueryTarget("x".repeat(100))).toEqual({ rewrite: `/corrections/page/${"x".repeat(40)}` });
  });
});

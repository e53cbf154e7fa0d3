import { describe, expect, it } from "vitest";
import {
  CLAIM_FIELD_KEYS,
  claimColumns,
  claimFieldSelect,
  claimFileValues,
  claimFormValues,
  pickClaimValues,
} from "@/lib/domain/claim-fields";
import { FIGURE_MAX, countProblem, figureProblems, rangeProblem } from "@/lib/domain/figure-rules";
import { FINAL_RATIONALE_MIN, lacksSource, ratesPosition, verdictProblems } from "@/lib/domain/verdict";
import { FINAL_STATUSES, STATUSES, type ClaimStatus } from "@/lib/domain/vocabulary";
import { claimFieldRules } from "@/lib/validation/claim";
import { CSV_COLUMNS } from "@/lib/data-io/read-file";

// The rule modules on their own; the schemas, the writes, the import and the factories that call them are tested in
// their own files (editor-schemas, status-workflow, import-refusals, factories).

const long = "Independent reporters saw the site the next day.";
const rules = (v: Parameters<typeof verdictProblems>[0]) => verdictProblems(v).map((p) => `${p.field} ${p.rule}`);

describe("verdictProblems", () => {
  it("finds nothing wrong with a sourced, explained final verdict, or with Unverified", () => {
    for (const status of FINAL_STATUSES)
      expect(verdictProblems({ status, rationale: long, kind: "FACT", sourceCount: 1 })).toEqual([]);
    expect(verdictProblems({ status: "UNVERIFIED", rationale: null, kind: "POSITION", sourceCount: 0 })).toEqual([]);
  });

  it("never rates a position, whatever the status", () => {
    for (const status of STATUSES.filter((s) => s !== "UNVERIFIED")) {
      expect(rules({ status, rationale: long, kind: "POSITION", sourceCount: 1 })).toEqual([
        "status position-not-rated",
      ]);
    }
    expect(verdictProblems({ status: "IN_REVIEW", rationale: long, kind: "POSITION" })[0]?.message).toMatch(
      /Positions are not rated/,
    );
  });

  it(`needs ${FINAL_RATIONALE_MIN} characters of rationale for a final verdict, counted without surrounding blanks`, () => {
    const exact = "x".repeat(FINAL_RATIONALE_MIN);
    expect(rules({ status: "FALSE", rationale: exact })).toEqual([]);
    expect(rules({ status: "FALSE", rationale: `  ${exact.slice(1)}  ` })).toEqual(["rationale rationale-too-short"]);
    expect(verdictProblems({ status: "MISLEADING", rationale: "Too short." })[0]?.message).toBe(
      "A final verdict (Misleading) needs a rationale of at least 20 characters; this one has 10.",
    );
    // A status short of final needs an explanation, not a long one.
    expect(rules({ status: "IN_REVIEW", rationale: "Checking." })).toEqual([]);
  });

  it("asks for a rationale whenever the status is not Unverified", () => {
    expect(rules({ status: "IN_REVIEW", rationale: "  " })).toEqual(["rationale rationale-missing"]);
    expect(rules({ status: "CONFIRMED", rationale: undefined })).toEqual(["rationale rationale-missing"]);
  });

  it("needs a linked source for a final verdict, only when the caller knows the count", () => {
    expect(rules({ status: "CONFIRMED", rationale: long, sourceCount: 0 })).toEqual(["sources needs-source"]);
    expect(rules({ status: "CONFIRMED", rationale: long })).toEqual([]);
    expect(rules({ status: "IN_REVIEW", rationale: long, sourceCount: 0 })).toEqual([]);
    expect(lacksSource("DISPUTED", 0)).toBe(true);
    expect(lacksSource("DISPUTED", 1)).toBe(false);
    expect(lacksSource("IN_REVIEW", 0)).toBe(false);
  });

  it("reports every broken rule at once, in the order to fix them", () => {
    expect(rules({ status: "FALSE", rationale: "", kind: "POSITION", sourceCount: 0 })).toEqual([
      "status position-not-rated",
      "rationale rationale-missing",
      "sources needs-source",
    ]);
  });

  it("gives no problem and does not throw for a status that is not one of ours", () => {
    expect(
      verdictProblems({ status: "MAYBE" as ClaimStatus, rationale: "", kind: "POSITION", sourceCount: 0 }),
    ).toEqual([]);
  });

  it("ratesPosition: only a position with a status other than Unverified", () => {
    expect(ratesPosition("POSITION", "UNVERIFIED")).toBe(false);
    expect(ratesPosition("POSITION", "IN_REVIEW")).toBe(true);
    expect(ratesPosition("FACT", "CONFIRMED")).toBe(false);
  });
});

describe("figure rules", () => {
  it("accepts whole numbers from 0 with min ≤ max, a single number as min = max", () => {
    expect(figureProblems({ min: 0, max: 0 })).toEqual([]);
    expect(figureProblems({ min: 12, max: 12 })).toEqual([]);
    expect(figureProblems({ min: 3, max: FIGURE_MAX })).toEqual([]);
  });

  it("refuses fractions, negatives and implausible counts, per field", () => {
    expect(countProblem("The lowest figure", 1.5)).toBe("The lowest figure must be a whole number (no fractions).");
    expect(countProblem("The lowest figure", -1)).toBe("The lowest figure cannot be negative.");
    expect(countProblem("The highest figure", FIGURE_MAX + 1)).toBe(
      "The highest figure is implausibly large (over 10,000,000).",
    );
    expect(countProblem("The highest figure", Number.NaN)).toMatch(/whole number/);
    expect(figureProblems({ min: -1, max: 2.5 }).map((p) => p.field)).toEqual(["min", "max"]);
  });

  it("refuses a range that runs backwards, at max, only once both numbers are fine", () => {
    expect(rangeProblem(40, 30)).toBe(
      "The highest figure cannot be below the lowest (40). For a single number, enter it in both.",
    );
    expect(figureProblems({ min: 40, max: 30 })).toEqual([{ field: "max", message: rangeProblem(40, 30) }]);
    expect(figureProblems({ min: 40, max: -30 })).toEqual([
      { field: "max", message: "The highest figure cannot be negative." },
    ]);
  });
});

describe("the claim field list", () => {
  const values = {
    statement: "Strikes hit a depot.",
    category: "OTHER",
    kind: "FACT",
    claimedAt: "2026-11-20",
    claimedAtPrecision: "DAY",
    originalText: "متن",
    originalLanguage: "fa",
  } as const;

  it("is the form schema's, the select's and the CSV header's list", () => {
    expect(Object.keys(claimFieldRules)).toEqual(CLAIM_FIELD_KEYS);
    expect(Object.keys(claimFieldSelect)).toEqual(CLAIM_FIELD_KEYS);
    for (const field of CLAIM_FIELD_KEYS) expect(CSV_COLUMNS).toContain(field);
  });

  it("turns form or file values into columns, and columns back into file and form values", () => {
    const columns = claimColumns(values);
    expect(columns).toEqual({ ...values, claimedAt: new Date("2026-11-20T00:00:00.000Z"), location: null });
    expect(claimFileValues(columns)).toEqual({ ...values, location: null });
    expect(claimFormValues(columns)).toEqual({ ...values, location: "" });
  });

  it("picks only the claim's own fields from a record that holds more", () => {
    expect(pickClaimValues({ ...values, claimant: "someone", slug: "x" } as typeof values)).toEqual({
      ...values,
      location: undefined,
    });
  });
});

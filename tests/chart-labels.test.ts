import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charsThatFit, wrapLabel } from "@/components/claims/chart-labels";

// The figures chart wraps reporters' names into lines (components/claims/figures-chart.tsx): nothing may be lost or
// cut, and no line may be longer than asked.

describe("wrapLabel", () => {
  it("wraps a long reporter's name at spaces, keeping every word", () => {
    expect(wrapLabel("Taliban-led government of Afghanistan", 20)).toEqual([
      "Taliban-led",
      "government of",
      "Afghanistan",
    ]);
    expect(wrapLabel("Local Health Office", 40)).toEqual(["Local Health Office"]);
  });

  it("splits a word longer than a line rather than letting it run past the edge", () => {
    expect(wrapLabel("Bureau of Investigative Journalism", 8)).toEqual([
      "Bureau",
      "of",
      "Investig",
      "ative",
      "Journali",
      "sm",
    ]);
  });

  it("keeps every character, in order, in lines no longer than the width (2,000 generated names)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 1, max: 60 }), (text, width) => {
        const lines = wrapLabel(text, width);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      }),
      { numRuns: 2_000, seed: 12 },
    );
  });

  it("estimates at most as many characters as fit", () => {
    expect(charsThatFit(300, 13)).toBe(37);
    expect(charsThatFit(192, 13)).toBe(23);
  });
});

import { describe, expect, it } from "vitest";
import { formatRange, groupFigures, niceScaleMax } from "@/lib/domain/figures";

describe("groupFigures", () => {
  it("groups per population and outcome with the lowest min and highest max", () => {
    const groups = groupFigures([
      { population: "CIVILIANS", outcome: "KILLED", min: 10, max: 12 },
      { population: "MILITANTS", outcome: "KILLED", min: 40, max: 50 },
      { population: "CIVILIANS", outcome: "KILLED", min: 0, max: 3 },
      { population: "CIVILIANS", outcome: "INJURED", min: 20, max: 20 },
    ]);
    expect(groups.map((g) => `${g.population}/${g.outcome}`)).toEqual([
      "CIVILIANS/KILLED",
      "MILITANTS/KILLED",
      "CIVILIANS/INJURED",
    ]);
    expect(groups[0]?.spread).toEqual({ min: 0, max: 12 });
    expect(groups[0]?.figures).toHaveLength(2);
    expect(groups[2]?.spread).toEqual({ min: 20, max: 20 });
  });

  it("returns nothing for no figures", () => {
    expect(groupFigures([])).toEqual([]);
  });
});

describe("formatting", () => {
  it("shows a single number when min equals max", () => {
    expect(formatRange(5, 5)).toBe("5");
    expect(formatRange(1000, 2500)).toBe("1,000–2,500");
  });
  it("picks round scale maxima at or above the value", () => {
    expect(niceScaleMax(3)).toBe(10);
    expect(niceScaleMax(12)).toBe(20);
    expect(niceScaleMax(50)).toBe(50);
    expect(niceScaleMax(51)).toBe(100);
    expect(niceScaleMax(240)).toBe(250);
  });
});

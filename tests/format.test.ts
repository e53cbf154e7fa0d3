import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/domain/format";

describe("countOf", () => {
  it("puts the noun in the number the count needs", () => {
    expect(countOf(1, "correction")).toBe("1 correction");
    expect(countOf(0, "correction")).toBe("0 corrections");
    expect(countOf(2, "correction")).toBe("2 corrections");
    expect(countOf(12_345, "report")).toBe("12,345 reports");
    expect(countOf(1, "claim matches", "claims match")).toBe("1 claim matches");
    expect(countOf(3, "claim matches", "claims match")).toBe("3 claims match");
  });
});

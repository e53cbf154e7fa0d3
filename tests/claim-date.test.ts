import { describe, expect, it } from "vitest";
import {
  formatClaimDate,
  isFutureDay,
  isoClaimDate,
  latestClaimDay,
  normaliseClaimDate,
} from "@/lib/domain/claim-date";
import { claimColumns } from "@/lib/domain/claim-fields";
import { ClaimCreateSchema, claimFieldRules } from "@/lib/validation/claim";

// The date-precision rule of lib/domain/claim-date.ts and its use by the form's schema and the claim columns.

const at = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("normaliseClaimDate", () => {
  it("stores the 1st of the month for MONTH, 1 January for YEAR, the day itself for DAY and UNKNOWN", () => {
    const day = new Date("2026-11-20T15:30:00.000Z");
    expect(normaliseClaimDate(day, "MONTH")).toEqual(at("2026-11-01"));
    expect(normaliseClaimDate(day, "YEAR")).toEqual(at("2026-01-01"));
    expect(normaliseClaimDate(day, "DAY")).toEqual(at("2026-11-20"));
    expect(normaliseClaimDate(day, "UNKNOWN")).toEqual(at("2026-11-20"));
  });
});

describe("formatClaimDate", () => {
  it("shows only what is known", () => {
    expect(formatClaimDate(at("2026-11-20"), "DAY")).toBe("20 Nov 2026");
    expect(formatClaimDate(at("2026-11-01"), "MONTH")).toBe("November 2026");
    expect(formatClaimDate(at("2026-01-01"), "YEAR")).toBe("2026");
    expect(formatClaimDate(at("2026-12-01"), "UNKNOWN")).toBe("date not given by the source; recorded 1 Dec 2026");
  });
});

describe("isoClaimDate", () => {
  it("gives the day, the month or the year as ISO 8601, and nothing when the source gives no date", () => {
    expect(isoClaimDate(at("2026-11-20"), "DAY")).toBe("2026-11-20");
    expect(isoClaimDate(at("2026-11-01"), "MONTH")).toBe("2026-11");
    expect(isoClaimDate(at("2026-01-01"), "YEAR")).toBe("2026");
    expect(isoClaimDate(at("2026-12-01"), "UNKNOWN")).toBeNull();
  });
});

describe("no date later than today (UTC, a day's slack)", () => {
  const now = new Date("2026-12-01T23:30:00.000Z");
  it("accepts today and tomorrow in UTC, refuses the day after", () => {
    expect(latestClaimDay(now)).toBe("2026-12-02");
    expect(isFutureDay("2026-12-01", now)).toBe(false);
    expect(isFutureDay("2026-12-02", now)).toBe(false);
    expect(isFutureDay("2026-12-03", now)).toBe(true);
    expect(isFutureDay("2027-01-01", now)).toBe(true);
  });

  it("is a field error of the claim form's date", () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const result = claimFieldRules.claimedAt.safeParse(future);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/cannot be later than today/);
    const form = ClaimCreateSchema.safeParse({
      statement: "Strikes hit a depot.",
      category: "OTHER",
      kind: "FACT",
      claimedAt: future,
      claimedAtPrecision: "MONTH",
      claimant: { mode: "existing", actorId: 1 },
    });
    expect(form.error?.issues.map((i) => i.path.join("."))).toEqual(["claimedAt"]);
  });
});

describe("precision in the form's schema and the stored columns", () => {
  const base = {
    statement: "Strikes hit a depot.",
    category: "OTHER",
    kind: "FACT",
    claimedAt: "2026-11-20",
    claimant: { mode: "existing", actorId: 1 },
  } as const;

  it("is DAY when absent or empty (files and forms from before precision existed)", () => {
    expect(ClaimCreateSchema.parse(base).claimedAtPrecision).toBe("DAY");
    expect(ClaimCreateSchema.parse({ ...base, claimedAtPrecision: "" }).claimedAtPrecision).toBe("DAY");
  });

  it("refuses an unknown precision at its field", () => {
    const result = ClaimCreateSchema.safeParse({ ...base, claimedAtPrecision: "WEEK" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["claimedAtPrecision", "Choose how precisely the date is known."],
    ]);
  });

  it("stores a MONTH date as the 1st of its month", () => {
    const values = ClaimCreateSchema.parse({ ...base, claimedAtPrecision: "MONTH" });
    expect(claimColumns(values)).toMatchObject({ claimedAt: at("2026-11-01"), claimedAtPrecision: "MONTH" });
  });
});

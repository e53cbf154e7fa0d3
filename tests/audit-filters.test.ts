import { describe, expect, it } from "vitest";
import { auditEntries } from "@/lib/domain/audit-diff";
import { auditFiltersToSearch, parseAuditFilters } from "@/lib/validation/audit-filters";
import { safeNextPath } from "@/lib/validation/login";

describe("parseAuditFilters", () => {
  it("keeps valid filters and builds them back into a query string", () => {
    const { filters, issues } = parseAuditFilters({
      entity: "User",
      action: "reset-password",
      user: "Ann@Example.org",
      from: "2026-11-01",
      to: "2026-11-30",
      page: "2",
    });
    expect(issues).toEqual([]);
    expect(filters).toEqual({
      entity: "User",
      action: "reset-password",
      user: "ann@example.org",
      from: "2026-11-01",
      to: "2026-11-30",
      page: 2,
    });
    expect(auditFiltersToSearch(filters)).toBe(
      "?entity=User&action=reset-password&user=ann%40example.org&from=2026-11-01&to=2026-11-30&page=2",
    );
  });

  it("drops and reports every unusable value", () => {
    const { filters, issues } = parseAuditFilters({
      entity: "<script>",
      action: "DROP TABLE",
      user: "nobody",
      from: "2026-13-01",
      to: "soon",
      page: "0",
    });
    expect(filters).toEqual({ page: 1 });
    expect(issues.map((i) => i.param).sort()).toEqual(["action", "entity", "from", "page", "to", "user"]);
  });

  it("ignores a date range that ends before it starts", () => {
    const { filters, issues } = parseAuditFilters({ from: "2026-11-30", to: "2026-11-01" });
    expect(filters).toEqual({ page: 1 });
    expect(issues).toHaveLength(1);
  });
});

describe("auditEntries", () => {
  it("reads each change as before → after and every other value as it was set, in words", () => {
    expect(auditEntries('{"role":["EDITOR","ADMIN"]}')).toEqual([
      { field: "role", kind: "changed", before: "EDITOR", after: "ADMIN" },
    ]);
    expect(
      auditEntries(
        JSON.stringify({
          statusRationale: [null, "Two sources deny it."],
          claimedAt: ["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z"],
          disabledAt: [null, "2026-12-01T15:04:05.123Z"],
          isCorrection: false,
          claimVersion: [3, 4],
          figures: [{ min: 1 }],
        }),
      ),
    ).toEqual([
      { field: "status rationale", kind: "changed", before: "(empty)", after: "Two sources deny it." },
      { field: "claimed at", kind: "changed", before: "2026-11-20", after: "2026-11-21" },
      { field: "disabled at", kind: "changed", before: "(empty)", after: "2026-12-01 15:04 UTC" },
      { field: "is correction", kind: "value", value: "no" },
      { field: "claim version", kind: "changed", before: "3", after: "4" },
      { field: "figures", kind: "value", value: '[{"min":1}]' },
    ]);
  });

  it("has nothing to show for no changes, and leaves what is not a JSON object to be shown as stored", () => {
    expect(auditEntries("{}")).toEqual([]);
    expect(auditEntries("not json")).toBeNull();
    expect(auditEntries("[1,2]")).toBeNull();
    expect(auditEntries("null")).toBeNull();
  });
});

describe("safeNextPath", () => {
  it("accepts local paths only", () => {
    expect(safeNextPath("/admin/users?q=a")).toBe("/admin/users?q=a");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "admin",
      "/a\nb",
      "",
      null,
      undefined,
      "/.//evil.example", // "//evil.example" once the dot segment is resolved
      "/a/..//evil.example",
      "/lone \ud800 surrogate",
    ]) {
      expect(safeNextPath(bad), String(bad)).toBeNull();
    }
  });

  it("encodes what is not ASCII, so the redirect header carries it intact", () => {
    expect(safeNextPath("/é")).toBe("/%C3%A9");
    expect(safeNextPath("/\u3000/x")).toBe("/%E3%80%80/x");
    expect(safeNextPath("/admin/users?q=José#é")).toBe("/admin/users?q=Jos%C3%A9#%C3%A9");
    // Already encoded stays as it is (no double encoding).
    expect(safeNextPath("/%C3%A9")).toBe("/%C3%A9");
    for (const path of ["/é", "/\u3000/x", "/claims?q=ع"]) expect(safeNextPath(path)).toMatch(/^[\x21-\x7e]+$/);
  });
});

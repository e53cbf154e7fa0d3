import { describe, expect, it } from "vitest";
import { readableChanges } from "@/lib/data/reads/audit-log";
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

describe("readableChanges", () => {
  it("pretty-prints JSON, hides an empty object and shows anything else as stored", () => {
    expect(readableChanges('{"role":["EDITOR","ADMIN"]}')).toBe('{\n  "role": [\n    "EDITOR",\n    "ADMIN"\n  ]\n}');
    expect(readableChanges("{}")).toBe("");
    expect(readableChanges("not json")).toBe("not json");
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

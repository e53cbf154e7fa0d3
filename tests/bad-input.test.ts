import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseApiClaimParams } from "@/lib/api/claim-params";
import type { Db } from "@/lib/db/create-client";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { ClaimCreateSchema, ClaimUpdateSchema } from "@/lib/validation/claim";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { FigureSchema } from "@/lib/validation/figure";
import { LinkSchema } from "@/lib/validation/link";
import { AttachSourceSchema } from "@/lib/validation/source";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { CreateUserSchema } from "@/lib/validation/user";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, claimRecord, everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";

// Issue 10, item 5: bad input gets a clear refusal, never a 500. Dates past year 2100 once reached the database as
// an instant it cannot hold; a lone UTF-16 surrogate once reached it as text it cannot store.

const LONE = "lone \ud800 surrogate";

describe("a lone surrogate in any text field of any form", () => {
  const claim = {
    statement: "A depot near the border was struck.",
    originalText: "Original words",
    originalLanguage: "ps",
    category: "OTHER",
    kind: "FACT",
    claimant: {
      mode: "new",
      actor: { name: "New actor", kind: "NGO", country: "PK", sameAs: "https://example.org/a" },
    },
    claimedAt: "2026-11-20",
    location: "Near the border",
  };
  const forms: [string, z.ZodType, Record<string, unknown>][] = [
    ["claim (new)", ClaimCreateSchema, claim],
    ["claim (edit)", ClaimUpdateSchema, { ...claim, claimId: 1, version: 1, slug: "a-slug" }],
    ["status", StatusChangeSchema, { claimId: 1, version: 1, status: "IN_REVIEW", rationale: "Checking it." }],
    [
      "source",
      AttachSourceSchema,
      {
        claimId: 1,
        version: 1,
        stance: "CONTEXT",
        note: "A note",
        source: {
          mode: "new",
          fields: {
            title: "A title",
            publisher: "A publisher",
            url: "https://example.org/x",
            archiveUrl: "https://archive.example.org/x",
            type: "OTHER",
            protected: true,
            protectedReason: "Keeps a witness safe",
          },
        },
      },
    ],
    [
      "figure",
      FigureSchema,
      {
        claimId: 1,
        version: 1,
        reportedById: 1,
        population: "CIVILIANS",
        outcome: "KILLED",
        min: 1,
        max: 2,
        note: "A note",
        noSourceReason: "Read out at a press briefing; no transcript.",
      },
    ],
    ["link", LinkSchema, { claimId: 1, version: 1, targetId: 2, type: "DENIES", note: "A note" }],
    ["account", CreateUserSchema, { email: "ann@example.org", name: "Ann Lee", role: "EDITOR", password: "" }],
  ];

  /** Every string in a value, by path. */
  function textPaths(value: unknown, path: string[] = []): string[][] {
    if (typeof value === "string") return [path];
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([k, v]) => textPaths(v, [...path, k]));
    return [];
  }
  function replaced(value: unknown, path: string[], by: string): unknown {
    if (path.length === 0) return by;
    const [head, ...rest] = path as [string, ...string[]];
    return { ...(value as object), [head]: replaced((value as Record<string, unknown>)[head], rest, by) };
  }
  // Fields whose own pattern (a slug, a language tag, an address, a code, a choice) refuses the text first.
  const PATTERNED =
    /(^|\.)(mode|kind|category|role|status|stance|type|population|outcome|country|originalLanguage|email|url|archiveUrl|sameAs|slug|claimedAt)$/;

  for (const [name, schema, valid] of forms) {
    it(`${name}: each text field is refused, with "contains an invalid character" where no pattern refuses first`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
      const paths = textPaths(valid);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const result = schema.safeParse(replaced(valid, path, LONE));
        expect(result.success, path.join(".")).toBe(false);
        if (PATTERNED.test(path.join("."))) continue;
        const messages = result.error!.issues.filter((i) => i.path.join(".") === path.join(".")).map((i) => i.message);
        expect(messages, path.join(".")).toEqual([expect.stringMatching(/ contains an invalid character\.$/)]);
      }
    });
  }

  it("a surrogate pair (an emoji) is text like any other", () => {
    expect(
      StatusChangeSchema.safeParse({ claimId: 1, version: 1, status: "IN_REVIEW", rationale: "Checked 👍" }).success,
    ).toBe(true);
  });
});

describe("through the import", () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, url, cleanup } = await createTestDb()));
  afterAll(async () => cleanup());

  it("is refused with its line and field, and nothing is written", async () => {
    const before = await everyTableCount(db);
    // JSON can carry the surrogate as an escape; the file's bytes are valid UTF-8.
    const file = jsonFile({
      actors: [actorRecord("lone-actor", { name: LONE })],
      claims: [claimRecord("lone-claim", "lone-actor", { location: LONE })],
    });
    expect(new TextDecoder().decode(file)).toContain("\\ud800");
    const report = await runImport({ db, url }, file);
    expect(problems(report)).toEqual([
      "line 3, actors[0].name: The name contains an invalid character.",
      "line 8, claims[0].location: The location contains an invalid character.",
    ]);
    expect(await everyTableCount(db)).toEqual(before);
  });
});

describe("dates outside the years a page can show", () => {
  it("the list ignores them and says so", () => {
    for (const day of ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"]) {
      const { filters, issues } = parseClaimFilters({ to: day, from: day });
      expect(filters.to).toBeUndefined();
      expect(filters.from).toBeUndefined();
      expect(issues.map((i) => i.message)).toEqual([
        `${day} is not between 1900 and 2100; it was ignored.`,
        `${day} is not between 1900 and 2100; it was ignored.`,
      ]);
    }
    expect(parseClaimFilters({ from: "1900-01-01", to: "2100-12-31" }).filters).toMatchObject({
      from: "1900-01-01",
      to: "2100-12-31",
    });
  });

  it("the API and the CSV export refuse them with a 400's message", () => {
    for (const paged of [true, false]) {
      expect(parseApiClaimParams(new URLSearchParams("to=9999-12-31"), { paged })).toEqual({
        ok: false,
        issues: [{ param: "to", message: "9999-12-31 is not between 1900 and 2100." }],
      });
    }
  });

  it("the audit log ignores them too", () => {
    const { filters, issues } = parseAuditFilters({ to: "9999-12-31" });
    expect(filters.to).toBeUndefined();
    expect(issues).toEqual([{ param: "to", message: "9999-12-31 is not between 1900 and 2100; it was ignored." }]);
  });
});

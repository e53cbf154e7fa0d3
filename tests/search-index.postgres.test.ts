import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";

// PostgreSQL's search index is a tsvector column on "Claim" kept by triggers, with a GIN
// index (prisma/postgres/migrations).
// What the index holds is checked on both engines in tests/search-index.test.ts.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

describe("the search index", () => {
  it("has its triggers, its function and its GIN index after all migrations", async () => {
    const triggers = await db.$queryRaw<{ name: string }[]>`
      SELECT tgname::text AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((r) => r.name)).toEqual(expect.arrayContaining(["Actor_search_rename", "Claim_search"]));
    const indexes = await db.$queryRaw<{ def: string }[]>`
      SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'Claim' AND indexname = 'Claim_search_idx'`;
    expect(indexes.map((r) => r.def)).toEqual([expect.stringMatching(/USING gin \("?search"?\)/)]);
  });

  it("weights the statement above the original text, the claimant and the rationale", async () => {
    const [row] = await db.$queryRaw<{ doc: string }[]>`
      SELECT claim_search_document('alpha', 'bravo', 'charlie', 'delta')::text AS doc`;
    expect(row!.doc).toBe("'alpha':1A 'bravo':2B 'charlie':3C 'delta':4");
  });
});

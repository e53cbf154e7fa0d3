import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";

// SQLite's search index is an FTS5 table kept by triggers (prisma/migrations).
// What the index holds is checked on both engines in tests/search-index.test.ts.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

describe("the search index", () => {
  it("has every trigger after all migrations (a later table rebuild must recreate them)", async () => {
    const rows = await db.$queryRaw<
      { name: string }[]
    >`SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "name"`;
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "Actor_search_rename",
        "Claim_search_delete",
        "Claim_search_insert",
        "Claim_search_update",
      ]),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listPublishedClaimIds, listPublishedClaimsByIds } from "@/lib/data/reads/claims";
import type { Db } from "@/lib/db/create-client";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

// The reads behind /api/claims.csv: every matching id in list order, then the rows by id, a page at a time.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

describe("export reads", () => {
  it("list every matching published id in the list's order, with or without search words", async () => {
    const first = await makeTestClaim(db, { statement: "Export alpha", claimedAt: new Date("2026-01-01T00:00:00Z") });
    const same = { claimantId: first.claimant.id };
    const second = await makeTestClaim(db, {
      ...same,
      statement: "Export beta",
      claimedAt: new Date("2026-02-01T00:00:00Z"),
    });
    await makeTestClaim(db, { ...same, statement: "Export draft", published: false });
    const actor = first.claimant.slug;
    expect(await listPublishedClaimIds(db, parseClaimFilters({ actor }).filters)).toEqual([second.id, first.id]);
    expect(await listPublishedClaimIds(db, parseClaimFilters({ actor, sort: "oldest" }).filters)).toEqual([
      first.id,
      second.id,
    ]);
    expect(await listPublishedClaimIds(db, parseClaimFilters({ actor, q: "export alpha" }).filters)).toEqual([
      first.id,
    ]);
    expect(await listPublishedClaimIds(db, parseClaimFilters({ q: "***" }).filters)).toEqual([]);
  });

  it("read rows by id in the given order, skipping drafts, past Prisma's 999-value limit", async () => {
    const a = await makeTestClaim(db);
    const b = await makeTestClaim(db);
    const draft = await makeTestClaim(db, { published: false });
    const missing = Array.from({ length: 1500 }, (_, i) => 1_000_000 + i);
    const rows = await listPublishedClaimsByIds(db, [b.id, ...missing, draft.id, a.id]);
    expect(rows.map((r) => r.slug)).toEqual([b.slug, a.slug]);
  });
});

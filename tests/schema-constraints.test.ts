import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./helpers/test-db";
import type { Db } from "@/lib/db/create-client";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

async function claimWithActor() {
  const actor = await db.actor.create({ data: { slug: `a-${Math.random()}`, name: "A", kind: "GOVERNMENT" } });
  const claim = await db.claim.create({
    data: {
      slug: `c-${Math.random()}`,
      statement: "s",
      category: "CASUALTIES",
      claimantId: actor.id,
      claimedAt: new Date(),
    },
  });
  return { actor, claim };
}

describe("database constraints", () => {
  it("refuses a casualty figure with min > max or a negative min", async () => {
    const { actor, claim } = await claimWithActor();
    const base = { claimId: claim.id, reportedById: actor.id, population: "CIVILIANS", outcome: "KILLED" } as const;
    await expect(db.casualtyFigure.create({ data: { ...base, min: 10, max: 5 } })).rejects.toThrow();
    await expect(db.casualtyFigure.create({ data: { ...base, min: -1, max: 5 } })).rejects.toThrow();
    await expect(db.casualtyFigure.create({ data: { ...base, min: 5, max: 5 } })).resolves.toMatchObject({ min: 5 });
  });

  it("refuses a link from a claim to itself", async () => {
    const { claim } = await claimWithActor();
    await expect(db.claimLink.create({ data: { fromId: claim.id, toId: claim.id, type: "DENIES" } })).rejects.toThrow();
  });

  it("keeps slugs unique", async () => {
    const { claim, actor } = await claimWithActor();
    await expect(
      db.claim.create({
        data: { slug: claim.slug, statement: "x", category: "OTHER", claimantId: actor.id, claimedAt: new Date() },
      }),
    ).rejects.toThrow();
  });
});

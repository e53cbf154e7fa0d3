import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineOf, type Db } from "@/lib/db/create-client";
import { searchClaimIds } from "@/lib/data/reads/search";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, claimRecord, everyTableCount, jsonFile, runImport } from "./helpers/data-io";

// An import that the database itself refuses halfway through its writes leaves nothing behind: every row it had
// written by then (thousands, over several batches of lib/data-io/write.ts) goes with the transaction, on both
// engines. The refusal is the database's own, which the planner cannot foresee: a constraint added for this test.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, url, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const target = () => ({ db, url });
const REFUSED = "This statement is refused by the database.";
/** An FTS5 expression (lib/sqlite/fts-query.ts) for a word only the big file has. */
const WORD = `"Zarghunbrook"`;
const CLAIMS = 2_500; // more than one batch of 2,000: the refused claim comes after a whole batch was written

/** Makes the database refuse a claim whose statement is REFUSED: a CHECK on PostgreSQL, a trigger on SQLite. */
async function refuseStatement(): Promise<() => Promise<void>> {
  if (engineOf(db) === "postgresql") {
    await db.$executeRawUnsafe(`ALTER TABLE "Claim" ADD CONSTRAINT unit_refuse CHECK ("statement" <> '${REFUSED}')`);
    return async () => void (await db.$executeRawUnsafe(`ALTER TABLE "Claim" DROP CONSTRAINT unit_refuse`));
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER unit_refuse BEFORE INSERT ON "Claim" WHEN NEW."statement" = '${REFUSED}' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
  );
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER unit_refuse`));
}

function bigFile(refusedAt: number | null) {
  const claimant = "fault-claimant";
  return jsonFile({
    actors: [actorRecord(claimant), actorRecord("fault-other")],
    claims: [
      // the claims of the first import, changed: updates that must be undone too
      ...Array.from({ length: 10 }, (_, i) =>
        claimRecord(`fault-old-${i}`, claimant, { statement: `Changed by the faulty import, claim ${i}.` }),
      ),
      ...Array.from({ length: CLAIMS }, (_, i) =>
        claimRecord(`fault-new-${i}`, claimant, {
          statement: i === refusedAt ? REFUSED : `Zarghunbrook depot claim ${i} from the faulty file.`,
        }),
      ),
    ],
  });
}

describe("an import the database refuses halfway", () => {
  it("leaves every table and the audit log as they were, and the next import works", async () => {
    const first = await runImport(
      target(),
      jsonFile({
        actors: [actorRecord("fault-claimant")],
        claims: Array.from({ length: 10 }, (_, i) => claimRecord(`fault-old-${i}`, "fault-claimant")),
      }),
    );
    expect(first.ok).toBe(true);
    const before = await everyTableCount(db);
    const statementsBefore = await db.claim.findMany({
      where: { slug: { startsWith: "fault-old-" } },
      select: { slug: true, statement: true, version: true },
      orderBy: { slug: "asc" },
    });

    const allow = await refuseStatement();
    let written = 0;
    try {
      await expect(
        runImport(target(), bigFile(CLAIMS - 1), {
          onProgress: (p) => void (p.phase === "write" && (written = p.done)),
        }),
      ).rejects.toThrow(/unit_refuse|refused/);
    } finally {
      await allow();
    }
    // The refusal came after a whole batch of claims (and the actors and updates before them) had been written.
    expect(written).toBeGreaterThan(2_000);
    expect(await everyTableCount(db)).toEqual(before);
    expect(
      await db.claim.findMany({
        where: { slug: { startsWith: "fault-old-" } },
        select: { slug: true, statement: true, version: true },
        orderBy: { slug: "asc" },
      }),
    ).toEqual(statementsBefore);
    expect(await db.actor.count({ where: { slug: "fault-other" } })).toBe(0);
    expect(await searchClaimIds(db, WORD, {}, "relevance")).toEqual([]);

    // Nothing half-done in the way: the same file without the refused claim goes in whole, new ids and all.
    const again = await runImport(target(), bigFile(null));
    expect(again.ok && again.counts.claims).toEqual({ created: CLAIMS, updated: 10, unchanged: 0 });
    expect(await db.claim.count()).toBe(before.Claim! + CLAIMS);
    expect((await searchClaimIds(db, WORD, {}, "relevance")).length).toBe(CLAIMS);
    // Ordinary inserts after an import with explicit ids: the id sequence (PostgreSQL) is past them.
    const actor = await db.actor.create({ data: { slug: "fault-after", name: "After", kind: "MEDIA" } });
    expect(actor.id).toBeGreaterThan(0);
  }, 120_000);
});

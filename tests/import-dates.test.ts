import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, bytes, claimRecord, everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";

// A claim date's precision in the import (lib/domain/claim-date.ts): stored as the precision says, DAY when a file
// written before precision existed gives none, and no date later than today, refused with its line and field.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());
let before: Record<string, number>;
beforeEach(async () => {
  before = await everyTableCount(db);
});

const dateOf = (slug: string) =>
  db.claim.findUniqueOrThrow({ where: { slug }, select: { claimedAt: true, claimedAtPrecision: true } });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("import: the claim date's precision", () => {
  it("stores a MONTH date as the 1st of its month, a YEAR as 1 January, and a missing precision as DAY", async () => {
    const report = await runImport(
      { db, url },
      jsonFile({
        actors: [actorRecord("id-actor")],
        claims: [
          claimRecord("id-month", "id-actor", { claimedAt: "2026-11-17", claimedAtPrecision: "MONTH" }),
          claimRecord("id-year", "id-actor", { claimedAt: "2026-06-30", claimedAtPrecision: "YEAR" }),
          claimRecord("id-unknown", "id-actor", { claimedAt: "2026-11-25", claimedAtPrecision: "UNKNOWN" }),
          claimRecord("id-old-file", "id-actor", { claimedAt: "2026-11-17" }),
        ],
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(await dateOf("id-month")).toEqual({
      claimedAt: new Date("2026-11-01T00:00:00Z"),
      claimedAtPrecision: "MONTH",
    });
    expect(await dateOf("id-year")).toEqual({
      claimedAt: new Date("2026-01-01T00:00:00Z"),
      claimedAtPrecision: "YEAR",
    });
    expect(await dateOf("id-unknown")).toEqual({
      claimedAt: new Date("2026-11-25T00:00:00Z"),
      claimedAtPrecision: "UNKNOWN",
    });
    expect(await dateOf("id-old-file")).toEqual({
      claimedAt: new Date("2026-11-17T00:00:00Z"),
      claimedAtPrecision: "DAY",
    });
  });

  it("refuses a future date and an unknown precision at their line and field, and writes nothing", async () => {
    const report = await runImport(
      { db, url },
      jsonFile({
        actors: [actorRecord("id-actor-2")],
        claims: [
          claimRecord("id-future", "id-actor-2", { claimedAt: inDays(3) }),
          claimRecord("id-week", "id-actor-2", { claimedAtPrecision: "WEEK" }),
        ],
      }),
    );
    expect(report.ok).toBe(false);
    expect(problems(report)).toEqual([
      expect.stringMatching(/^line 8, claims\[0\]\.claimedAt: Date claimed cannot be later than today/),
      "line 9, claims[1].claimedAtPrecision: Choose how precisely the date is known.",
    ]);
    expect(await everyTableCount(db)).toEqual(before);
  });

  it("reads a CSV without the precision column as DAY, and one with it as it says", async () => {
    const header =
      "slug,statement,originalText,originalLanguage,category,kind,claimant,claimedAt,location,status,statusRationale,published";
    const old = await runImport(
      { db, url },
      bytes(`${header}\nid-csv-old,A depot near the border was struck.,,,OTHER,FACT,id-actor,2026-11-17,,,,false\n`),
      { fileName: "old.csv" },
    );
    expect(problems(old)).toEqual([]);
    expect(await dateOf("id-csv-old")).toMatchObject({ claimedAtPrecision: "DAY" });
    const withPrecision = await runImport(
      { db, url },
      bytes(
        `${header},claimedAtPrecision\nid-csv-year,A depot near the border was struck.,,,OTHER,FACT,id-actor,2026-11-17,,,,false,YEAR\n`,
      ),
      { fileName: "new.csv" },
    );
    expect(problems(withPrecision)).toEqual([]);
    expect(await dateOf("id-csv-year")).toEqual({
      claimedAt: new Date("2026-01-01T00:00:00Z"),
      claimedAtPrecision: "YEAR",
    });
  });
});

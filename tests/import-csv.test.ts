import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim } from "@/test-support/builders";
import { createTestDb } from "./helpers/test-db";
import { bytes, everyTableCount, problems, runImport } from "./helpers/data-io";

// CSV: one row per claim, the claim's own fields only (sources, figures, links and history come from JSON).

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  await db.actor.create({ data: { slug: "csv-ngo", name: "Border Monitor", kind: "NGO", country: "AF" } });
});
afterAll(async () => cleanup());

const HEADER =
  "slug,statement,originalText,originalLanguage,category,kind,claimant,claimedAt,location,status,statusRationale,published";
const csv = (lines: string[], eol = "\n") => bytes([HEADER, ...lines].join(eol) + eol);
const importCsv = (data: Uint8Array, dryRun = false) =>
  runImport({ db, url }, data, { fileName: "claims.csv", dryRun });

describe("a good CSV file", () => {
  it("imports quoted fields, doubled quotes, line breaks, CRLF, a BOM and non-Latin text", async () => {
    const file = csv(
      [
        'csv-one,"Shelling hit the market, witnesses say ""dozens"" were hurt.",,,CIVILIAN_HARM,FACT,csv-ngo,2026-11-20,"Khost",,,true',
        'csv-two,"A statement\r\nover two lines.","دا یوه ادعا ده",ps,OTHER,POSITION,csv-ngo,2026-11-21,,UNVERIFIED,,FALSE',
      ],
      "\r\n",
    );
    const report = await importCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...file]));
    expect(problems(report)).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      format: "csv",
      counts: { claims: { created: 2 }, actors: { created: 0 } },
    });
    const rows = await db.claim.findMany({
      where: { slug: { in: ["csv-one", "csv-two"] } },
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        statement: true,
        originalText: true,
        originalLanguage: true,
        kind: true,
        location: true,
        publishedAt: true,
        claimant: { select: { slug: true } },
      },
    });
    expect(rows).toEqual([
      {
        slug: "csv-one",
        statement: 'Shelling hit the market, witnesses say "dozens" were hurt.',
        originalText: null,
        originalLanguage: null,
        kind: "FACT",
        location: "Khost",
        publishedAt: expect.any(Date),
        claimant: { slug: "csv-ngo" },
      },
      {
        slug: "csv-two",
        statement: "A statement\r\nover two lines.",
        originalText: "دا یوه ادعا ده",
        originalLanguage: "ps",
        kind: "POSITION",
        location: null,
        publishedAt: null,
        claimant: { slug: "csv-ngo" },
      },
    ]);
  });

  it("creates a claimant that does not exist yet from the claimant columns, once", async () => {
    const header = `${HEADER},claimantName,claimantKind,claimantCountry,claimantSide`;
    const file = bytes(
      [
        header,
        "csv-new-1,First claim of a new actor.,,,OTHER,FACT,csv-new-actor,2026-11-20,,,,false,Provincial council,GOVERNMENT,af,Afghanistan",
        "csv-new-2,Second claim of the same actor.,,,OTHER,FACT,csv-new-actor,2026-11-20,,,,false,Provincial council,GOVERNMENT,AF, Afghanistan ",
        "csv-new-3,A claim of a known actor.,,,OTHER,FACT,csv-ngo,2026-11-20,,,,false,,,,",
      ].join("\n"),
    );
    const report = await importCsv(file);
    expect(problems(report)).toEqual([]);
    expect(report).toMatchObject({ ok: true, counts: { actors: { created: 1 }, claims: { created: 3 } } });
    expect(
      await db.actor.findUniqueOrThrow({
        where: { slug: "csv-new-actor" },
        select: { name: true, kind: true, country: true, side: true },
      }),
    ).toEqual({
      name: "Provincial council",
      kind: "GOVERNMENT",
      country: "AF",
      side: "Afghanistan",
    });
  });

  it("is idempotent, and a changed row updates its claim", async () => {
    const rows = ["csv-idem,The crossing was closed for a week.,,,OTHER,FACT,csv-ngo,2026-11-20,Torkham,,,true"];
    await importCsv(csv(rows));
    const before = await everyTableCount(db);
    const claim = await db.claim.findUniqueOrThrow({
      where: { slug: "csv-idem" },
      select: { id: true, version: true, publishedAt: true },
    });
    expect(await importCsv(csv(rows))).toMatchObject({
      ok: true,
      counts: { claims: { created: 0, updated: 0, unchanged: 1 } },
    });
    expect(await everyTableCount(db)).toEqual({ ...before, AuditEvent: (before.AuditEvent ?? 0) + 1 });

    const changed = await importCsv(
      csv(["csv-idem,The crossing was closed for ten days.,,,OTHER,FACT,csv-ngo,2026-11-20,Torkham,,,true"]),
    );
    expect(changed).toMatchObject({ ok: true, counts: { claims: { updated: 1 } } });
    expect(
      await db.claim.findUniqueOrThrow({
        where: { id: claim.id },
        select: { statement: true, version: true, publishedAt: true },
      }),
    ).toEqual({
      statement: "The crossing was closed for ten days.",
      version: claim.version + 1,
      // Still published, at the same time.
      publishedAt: claim.publishedAt,
    });
  });

  it("changes the status of a claim that has sources, recording the change in its history", async () => {
    const existing = await makeTestClaim(db, {
      status: "IN_REVIEW",
      claimantSlug: "csv-ngo",
      claimedAt: new Date("2026-11-20T00:00:00Z"),
    });
    const row = `${existing.slug},"${existing.statement}",,,OTHER,FACT,csv-ngo,2026-11-20,,CONFIRMED,Two independent reporters reached the site.,true`;
    expect(problems(await importCsv(csv([row])))).toEqual([]);
    const last = await db.statusChange.findFirstOrThrow({
      where: { claimId: existing.id },
      orderBy: { id: "desc" },
      select: { from: true, to: true, rationale: true, isCorrection: true },
    });
    expect(last).toEqual({
      from: "IN_REVIEW",
      to: "CONFIRMED",
      rationale: "Two independent reporters reached the site.",
      isCorrection: false,
    });
  });
});

describe("a bad CSV file", () => {
  it("reports every bad row by line and column, and writes nothing", async () => {
    const before = await everyTableCount(db);
    const file = csv([
      "csv-bad-1,,,,SOMETHING,FACT,csv-ngo,20/11/2026,,,,yes",
      'csv-bad-2,"Quoted ""and""\nspanning lines",,,OTHER,FACT,csv-nobody,2026-11-20,,,,false',
      "csv-bad-3,Too few fields",
      "csv-bad-4,A verdict without a source.,,,OTHER,FACT,csv-ngo,2026-11-20,,FALSE,,true",
      "csv-bad-5,Original text without its language.,نص,,OTHER,FACT,csv-ngo,2026-11-20,,,,true",
    ]);
    const report = await importCsv(file);
    expect(problems(report)).toEqual([
      "line 2, statement: The statement is required.",
      "line 2, category: Choose a category.",
      "line 2, claimedAt: Date claimed: enter a real date as YYYY-MM-DD.",
      // The editor's date rule also runs its year check on a value that is not a date at all (reported to its owner).
      "line 2, claimedAt: Date claimed: enter a year between 1900 and 2100.",
      "line 2, published: published is true or false.",
      "line 3, claimant: no actor “csv-nobody” in the database: add claimantName and claimantKind to create it.",
      "line 5: This row has 2 fields; the header has 12. Is a quote or comma missing?",
      "line 6, statusRationale: Explain the status False: readers see this rationale.",
      "line 6, status: a final verdict (False) needs at least one source, and this claim has none. Import it from JSON with its sources, or link a source in the editor first.",
      "line 7, originalLanguage: Say which language the original text is in, e.g. ps, fa or ur.",
    ]);
    expect(await everyTableCount(db)).toEqual(before);
  });

  it("in a dry run reports what would change", async () => {
    const before = await everyTableCount(db);
    const report = await importCsv(csv(["csv-dry,A dry-run claim.,,,OTHER,FACT,csv-ngo,2026-11-20,,,,false"]), true);
    expect(report).toMatchObject({ ok: true, dryRun: true, counts: { claims: { created: 1 } } });
    expect(await everyTableCount(db)).toEqual(before);
  });
});

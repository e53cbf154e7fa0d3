import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportToString } from "@/lib/data-io/export";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim } from "@/test-support/builders";
import { seed } from "@/prisma/seed-story";
import { createTestDb } from "./helpers/test-db";
import { bytes, everyTableCount, problems, runImport } from "./helpers/data-io";

// Export → fresh database → import → export gives the same bytes, on real SQLite files, for data with everything
// the export carries: protected and derived sources, sources sharing a url, figures, links, corrections, drafts,
// an incident, right-to-left text.

type TestDb = { db: Db; url: string; cleanup: () => Promise<void> };
const opened: TestDb[] = [];
async function freshDb(): Promise<TestDb> {
  const made = await createTestDb();
  opened.push(made);
  return made;
}
afterAll(async () => {
  for (const t of opened) await t.cleanup();
});

async function richFixture(db: Db): Promise<void> {
  const kabul = await db.actor.create({
    data: {
      slug: "rt-kabul",
      name: "د افغانستان اسلامي امارت",
      kind: "GOVERNMENT",
      country: "AF",
      sameAs: "https://www.wikidata.org/wiki/Q107481285",
      description: "Kabul.",
      published: true,
    },
    select: { id: true },
  });
  const isb = await db.actor.create({
    data: { slug: "rt-islamabad", name: "Government of Pakistan", kind: "GOVERNMENT", country: "PK" },
    select: { id: true },
  });
  const incident = await db.incident.create({
    data: {
      slug: "rt-strikes",
      title: "Strikes near Khost",
      date: new Date("2026-11-19T00:00:00Z"),
      datePrecision: "DAY",
      location: "Khost province",
      locationPrecision: "PROVINCE",
      latitude: 33.3395,
      longitude: 69.9204,
      description: "Night strikes.",
    },
    select: { id: true },
  });
  const release = await db.source.create({
    data: {
      url: "https://example.org/rt/release",
      title: "ISPR press release",
      publisher: "ISPR",
      type: "OFFICIAL_STATEMENT",
      publishedAt: new Date("2026-11-20T00:00:00Z"),
      excerpt: "“Precise strikes on terrorist hideouts.”",
    },
    select: { id: true },
  });
  const wire = await db.source.create({
    data: {
      url: "https://example.org/rt/wire",
      title: "Wire: Pakistan says it hit hideouts",
      publisher: "Wire",
      type: "NEWS_REPORT",
      derivedFromId: release.id,
      archiveUrl: "https://web.archive.org/web/2026/https://example.org/rt/wire",
    },
    select: { id: true },
  });
  const paper = await db.source.create({
    data: {
      url: null,
      title: "Daily repeats the wire",
      publisher: "Daily",
      type: "NEWS_REPORT",
      derivedFromId: wire.id,
    },
    select: { id: true },
  });
  const stringer = await db.source.create({
    data: {
      title: "Local stringer",
      type: "OTHER",
      protected: true,
      protectedReason: "Named, the stringer would be at risk.",
    },
    select: { id: true },
  });
  // Two sources at one address (an editor added it twice): they must stay two.
  const twinA = await db.source.create({
    data: { url: "https://example.org/rt/twin", title: "Twin A", type: "NGO_REPORT" },
    select: { id: true },
  });
  const twinB = await db.source.create({
    data: { url: "https://example.org/rt/twin", title: "Twin B", type: "NGO_REPORT" },
    select: { id: true },
  });
  await db.source.create({ data: { title: "Cited by nothing", type: "IMAGERY" } });

  const strikes = await makeTestClaim(db, {
    slug: "rt-strikes-hit-hideouts",
    claimantId: isb.id,
    statement: "Pakistan's strikes hit terrorist hideouts in Khost.",
    category: "MILITANT_HARBOURING",
    incidentId: incident.id,
    claimedAt: new Date("2026-11-20T15:45:00Z"),
    location: "Khost",
    status: "CONFIRMED",
    statusRationale: "Imagery and two independent reports confirm the hideouts.",
    sources: [
      { sourceId: wire.id, stance: "SUPPORTS", note: "Quotes the release." },
      { sourceId: paper.id, stance: "SUPPORTS" },
      { sourceId: twinA.id, stance: "CONTEXT" },
    ],
    figures: [
      {
        reportedById: isb.id,
        sourceId: wire.id,
        population: "MILITANTS",
        outcome: "KILLED",
        min: 20,
        max: 25,
        reportedAt: new Date("2026-11-20T00:00:00Z"),
        note: "“Dozens”",
      },
      { reportedById: kabul.id, population: "CIVILIANS", outcome: "KILLED", min: 8, max: 8 },
    ],
    statusHistory: [
      {
        from: "UNVERIFIED",
        to: "FALSE",
        rationale: "First reports contradicted the claim entirely.",
        createdAt: new Date("2026-11-20T16:00:00Z"),
      },
      {
        from: "FALSE",
        to: "IN_REVIEW",
        rationale: "Reopened: imagery arrived.",
        isCorrection: true,
        createdAt: new Date("2026-11-21T09:00:00Z"),
      },
      {
        from: "IN_REVIEW",
        to: "CONFIRMED",
        rationale: "Imagery and two independent reports confirm the hideouts.",
        createdAt: new Date("2026-11-22T09:00:00Z"),
      },
    ],
  });
  const denial = await makeTestClaim(db, {
    slug: "rt-kabul-denies",
    claimantId: kabul.id,
    statement: "No militants were sheltering in Khost.",
    originalText: "په خوست کې هیڅ وسله وال نه وو",
    originalLanguage: "ps",
    category: "MILITANT_HARBOURING",
    status: "DISPUTED",
    sources: [
      { sourceId: stringer.id, stance: "SUPPORTS" },
      { sourceId: twinB.id, stance: "REFUTES" },
    ],
    links: [
      { toId: strikes.id, type: "DENIES", note: "Kabul's answer." },
      { toId: strikes.id, type: "CONTRADICTS" },
    ],
  });
  await makeTestClaim(db, {
    slug: "rt-talks-position",
    claimantId: kabul.id,
    statement: "Kabul is open to talks.",
    // Dates known to the month and not at all travel with their precision.
    claimedAt: new Date("2026-11-01T00:00:00Z"),
    claimedAtPrecision: "MONTH",
    kind: "POSITION",
    category: "DIPLOMATIC_POSITION",
    sources: [],
    links: [{ toId: denial.id, type: "RESPONDS_TO" }],
  });
  await makeTestClaim(db, {
    slug: "rt-draft",
    claimantId: isb.id,
    statement: "A draft nobody has seen.",
    claimedAt: new Date("2026-11-26T00:00:00Z"),
    claimedAtPrecision: "UNKNOWN",
    published: false,
    location: null,
    sources: [],
    statusHistory: [],
  });
}

describe("export", () => {
  let a: TestDb;
  let first: string;
  beforeAll(async () => {
    a = await freshDb();
    await richFixture(a.db);
    first = await exportToString(a.db);
  });

  it("export → fresh database → import → export gives identical bytes", async () => {
    const b = await freshDb();
    const report = await runImport(b, bytes(first), { fileName: "export.json" });
    expect(problems(report)).toEqual([]);
    expect(await exportToString(b.db)).toBe(first);
    expect(first).toContain('"claimedAt":"2026-11-01","claimedAtPrecision":"MONTH"');
    expect(first).toContain('"claimedAt":"2026-11-26","claimedAtPrecision":"UNKNOWN"');
    // Same rows, apart from what is not exported (accounts, audit) and what the import adds (its audit).
    const counts = async (db: Db) => {
      const { AuditEvent: _a, User: _u, Session: _s, LoginAttempt: _l, ...rest } = await everyTableCount(db);
      return rest;
    };
    expect(await counts(b.db)).toEqual(await counts(a.db));
  });

  it("the file imported back into its own database changes nothing", async () => {
    const before = await everyTableCount(a.db);
    const report = await runImport(a, bytes(first), { fileName: "export.json" });
    expect(report).toMatchObject({
      ok: true,
      counts: {
        actors: { created: 0, updated: 0 },
        incidents: { created: 0, updated: 0 },
        sources: { created: 0, updated: 0, unchanged: 7 },
        claims: { created: 0, updated: 0, unchanged: 4 },
        claimSources: { added: 0, removed: 0 },
        figures: { added: 0, removed: 0 },
        links: { added: 0, removed: 0 },
        statusChanges: { added: 0 },
      },
    });
    expect(await everyTableCount(a.db)).toEqual({ ...before, AuditEvent: (before.AuditEvent ?? 0) + 1 });
    expect(await exportToString(a.db)).toBe(first);
  });

  it("writes a versioned document, one record per line, without a timestamp, accounts or editors", async () => {
    const lines = first.split("\n");
    expect(lines[0]).toBe('{"format":"claimwatch-export","version":1,');
    expect(first).not.toMatch(/exportedAt|passwordHash|email|editorId|"userId"/);
    // An editor's "show this actor to readers" travels with the actor (lib/data/reads/public-actor.ts).
    expect(first).toMatch(/"slug":"rt-kabul"[^\n]*"published":true/);
    expect(first).not.toMatch(/"slug":"rt-islamabad"[^\n]*"published"/);
    const doc = JSON.parse(first) as {
      actors: unknown[];
      sources: { key: string; derivedFrom?: string }[];
      claims: { slug: string }[];
    };
    expect(doc.claims.map((c) => c.slug)).toEqual([
      "rt-draft",
      "rt-kabul-denies",
      "rt-strikes-hit-hideouts",
      "rt-talks-position",
    ]);
    // Sources are numbered in id order; the wire repeats the release and the daily repeats the wire.
    expect(doc.sources.map((s) => `${s.key}${s.derivedFrom ? ` < ${s.derivedFrom}` : ""}`)).toEqual([
      "src-1",
      "src-2 < src-1",
      "src-3 < src-2",
      "src-4",
      "src-5",
      "src-6",
      "src-7",
    ]);
    // Every actor, source and claim on a line of its own.
    expect(lines.filter((l) => l.startsWith('{"slug":"rt-')).length).toBe(2 + 1 + 4);
  });

  it("carries the seed story through a fresh database unchanged", async () => {
    const seeded = await freshDb();
    await seed(seeded.db, { adminPassword: "seed admin password" });
    const story = await exportToString(seeded.db);
    // Sides travel with the actors (none or independent: no key at all).
    expect(story).toContain(
      '{"slug":"ttp","name":"Tehrik-e-Taliban Pakistan (TTP)","kind":"ARMED_GROUP","country":"PK","side":"TTP"',
    );
    const b = await freshDb();
    expect(problems(await runImport(b, bytes(story), { fileName: "story.json" }))).toEqual([]);
    expect(await exportToString(b.db)).toBe(story);
  });
});

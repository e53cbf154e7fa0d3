import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim } from "@/test-support/builders";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, claimRecord, everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";

// Importing the export format: everything written in one go, nothing twice, updates in place, history appended.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, url, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const target = () => ({ db, url });

/** A small newsroom's file: two actors, an incident, three sources (one repeating another, one protected), claims that link. */
function storyFile(prefix: string, over: { statement?: string; figuresMax?: number } = {}) {
  const a = `${prefix}-gov`;
  const b = `${prefix}-group`;
  return jsonFile({
    actors: [
      actorRecord(a, { sameAs: "https://www.wikidata.org/wiki/Q843" }),
      actorRecord(b, { kind: "ARMED_GROUP", country: "AF", description: "Named in the story." }),
    ],
    incidents: [
      {
        slug: `${prefix}-strike`,
        title: "A strike near the border",
        date: "2026-11-20",
        location: "Khost",
        geoPrecision: 2,
      },
    ],
    sources: [
      {
        key: "release",
        url: `https://example.org/${prefix}/release`,
        title: "Press release",
        publisher: "ISPR",
        type: "OFFICIAL_STATEMENT",
        protected: false,
      },
      {
        key: "wire",
        url: `https://example.org/${prefix}/wire`,
        title: "Wire report",
        publisher: "Wire",
        type: "NEWS_REPORT",
        derivedFrom: "release",
        publishedAt: "2026-11-21",
        protected: false,
      },
      {
        key: "local",
        title: `Local stringer ${prefix}`,
        type: "OTHER",
        protected: true,
        protectedReason: "The stringer's safety would be at risk.",
      },
    ],
    claims: [
      claimRecord(`${prefix}-strike-hit-camp`, a, {
        statement: over.statement ?? "The strike hit a militant camp.",
        originalText: "حمله یک اردوگاه شبه‌نظامیان را هدف گرفت",
        originalLanguage: "fa",
        incident: `${prefix}-strike`,
        status: "DISPUTED",
        statusRationale: "The two sides give opposite accounts and no one independent has reached the site.",
        sources: [
          { source: "wire", stance: "SUPPORTS" },
          { source: "local", stance: "REFUTES", note: "Says the camp was a school." },
        ],
        figures: [
          {
            reportedBy: a,
            source: "wire",
            population: "MILITANTS",
            outcome: "KILLED",
            min: 20,
            max: over.figuresMax ?? 30,
            reportedAt: "2026-11-21",
          },
          {
            reportedBy: b,
            population: "CIVILIANS",
            outcome: "KILLED",
            min: 12,
            max: 12,
            noSourceReason: "Read out at a press briefing; no transcript.",
          },
        ],
        links: [],
        statusHistory: [
          {
            from: "UNVERIFIED",
            to: "IN_REVIEW",
            rationale: "Checking the sources.",
            isCorrection: false,
            at: "2026-11-21T09:00:00.000Z",
          },
          {
            from: "IN_REVIEW",
            to: "DISPUTED",
            rationale: "The two sides give opposite accounts and no one independent has reached the site.",
            isCorrection: false,
            at: "2026-11-21T10:00:00.000Z",
          },
        ],
      }),
      claimRecord(`${prefix}-no-camp`, b, {
        statement: "There was no camp, only a school.",
        sources: [{ source: "local", stance: "SUPPORTS" }],
        figures: [],
        links: [{ to: `${prefix}-strike-hit-camp`, type: "DENIES", note: "Direct denial." }],
        statusHistory: [],
      }),
      claimRecord(`${prefix}-draft`, a, {
        published: false,
        publishedAt: undefined,
        sources: [],
        figures: [],
        links: [],
        statusHistory: [],
      }),
    ],
  });
}

describe("a good JSON file", () => {
  it("writes every record and reports the counts", async () => {
    const report = await runImport(target(), storyFile("j1"));
    expect(problems(report)).toEqual([]);
    if (!report.ok) return;
    expect(report.counts).toMatchObject({
      actors: { created: 2, updated: 0, unchanged: 0 },
      incidents: { created: 1 },
      sources: { created: 3 },
      claims: { created: 3 },
      claimSources: { added: 3, removed: 0 },
      figures: { added: 2 },
      links: { added: 1 },
      statusChanges: { added: 2 },
    });

    const claim = await db.claim.findUniqueOrThrow({
      where: { slug: "j1-strike-hit-camp" },
      select: {
        status: true,
        originalText: true,
        claimedAt: true,
        publishedAt: true,
        version: true,
        claimant: { select: { slug: true } },
        incident: { select: { slug: true } },
        sources: {
          select: {
            stance: true,
            note: true,
            source: { select: { title: true, protected: true, protectedReason: true } },
          },
          orderBy: { sourceId: "asc" },
        },
        figures: {
          select: {
            min: true,
            max: true,
            population: true,
            reportedBy: { select: { slug: true } },
            source: { select: { title: true } },
          },
          orderBy: { id: "asc" },
        },
        statusChanges: { select: { from: true, to: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        linksTo: { select: { type: true, note: true, from: { select: { slug: true } } } },
      },
    });
    expect(claim).toMatchObject({
      status: "DISPUTED",
      originalText: "حمله یک اردوگاه شبه‌نظامیان را هدف گرفت",
      claimedAt: new Date("2026-11-20T00:00:00.000Z"),
      publishedAt: new Date("2026-11-21T08:00:00.000Z"),
      version: 1,
      claimant: { slug: "j1-gov" },
      incident: { slug: "j1-strike" },
      sources: [
        { stance: "SUPPORTS", note: null, source: { title: "Wire report", protected: false, protectedReason: null } },
        {
          stance: "REFUTES",
          note: "Says the camp was a school.",
          source: {
            title: "Local stringer j1",
            protected: true,
            protectedReason: "The stringer's safety would be at risk.",
          },
        },
      ],
      figures: [
        { min: 20, max: 30, population: "MILITANTS", reportedBy: { slug: "j1-gov" }, source: { title: "Wire report" } },
        { min: 12, max: 12, population: "CIVILIANS", reportedBy: { slug: "j1-group" }, source: null },
      ],
      statusChanges: [
        { from: "UNVERIFIED", to: "IN_REVIEW", createdAt: new Date("2026-11-21T09:00:00.000Z") },
        { from: "IN_REVIEW", to: "DISPUTED", createdAt: new Date("2026-11-21T10:00:00.000Z") },
      ],
      linksTo: [{ type: "DENIES", note: "Direct denial.", from: { slug: "j1-no-camp" } }],
    });
    const wire = await db.source.findFirstOrThrow({
      where: { url: "https://example.org/j1/wire" },
      select: { derivedFrom: { select: { title: true } }, publishedAt: true },
    });
    expect(wire).toEqual({
      derivedFrom: { title: "Press release" },
      publishedAt: new Date("2026-11-21T00:00:00.000Z"),
    });
    expect(await db.claim.findUniqueOrThrow({ where: { slug: "j1-draft" }, select: { publishedAt: true } })).toEqual({
      publishedAt: null,
    });
  });

  it("leaves an audit trail: one Import event with the counts and one event per claim", async () => {
    const report = await runImport(target(), storyFile("j2"), { userId: null, fileName: "story.json" });
    if (!report.ok) throw new Error(problems(report).join("\n"));
    const summary = await db.auditEvent.findFirstOrThrow({
      where: { entity: "Import", entityId: report.importId ?? "" },
      select: { userId: true, action: true, changes: true },
    });
    expect(summary).toMatchObject({ userId: null, action: "import" });
    expect(JSON.parse(summary.changes)).toMatchObject({ file: "story.json", format: "json", claims: { created: 3 } });
    const claim = await db.claim.findUniqueOrThrow({ where: { slug: "j2-no-camp" }, select: { id: true } });
    const events = await db.auditEvent.findMany({
      where: { entity: "Claim", entityId: String(claim.id) },
      select: { action: true, changes: true },
    });
    expect(events).toEqual([
      { action: "import-create", changes: JSON.stringify({ import: report.importId, slug: "j2-no-camp" }) },
    ]);
  });

  it("is idempotent: the same file again changes no row, moves no version and writes only the Import event", async () => {
    await runImport(target(), storyFile("j3"));
    const before = await everyTableCount(db);
    const versions = await db.claim.findMany({
      where: { slug: { startsWith: "j3-" } },
      select: { slug: true, version: true, updatedAt: true },
      orderBy: { slug: "asc" },
    });
    const again = await runImport(target(), storyFile("j3"));
    expect(again).toMatchObject({
      ok: true,
      counts: {
        actors: { created: 0, updated: 0, unchanged: 2 },
        incidents: { created: 0, updated: 0, unchanged: 1 },
        sources: { created: 0, updated: 0, unchanged: 3 },
        claims: { created: 0, updated: 0, unchanged: 3 },
        claimSources: { added: 0, removed: 0 },
        figures: { added: 0, removed: 0 },
        links: { added: 0, removed: 0 },
        statusChanges: { added: 0 },
      },
    });
    expect(await everyTableCount(db)).toEqual({ ...before, AuditEvent: (before.AuditEvent ?? 0) + 1 });
    expect(
      await db.claim.findMany({
        where: { slug: { startsWith: "j3-" } },
        select: { slug: true, version: true, updatedAt: true },
        orderBy: { slug: "asc" },
      }),
    ).toEqual(versions);
  });

  it("updates in place: changed fields and lists, a new version, the old figures replaced, history kept", async () => {
    await runImport(target(), storyFile("j4"));
    const before = await db.claim.findUniqueOrThrow({
      where: { slug: "j4-strike-hit-camp" },
      select: { id: true, version: true },
    });
    const report = await runImport(
      target(),
      storyFile("j4", { statement: "The strike hit a training camp.", figuresMax: 35 }),
      { userId: null },
    );
    expect(report).toMatchObject({
      ok: true,
      counts: {
        claims: { created: 0, updated: 1, unchanged: 2 },
        figures: { added: 2, removed: 2 },
        statusChanges: { added: 0 },
      },
    });
    const after = await db.claim.findUniqueOrThrow({
      where: { id: before.id },
      select: {
        statement: true,
        version: true,
        figures: { select: { max: true }, orderBy: { id: "asc" } },
        _count: { select: { statusChanges: true } },
      },
    });
    expect(after).toEqual({
      statement: "The strike hit a training camp.",
      version: before.version + 1,
      figures: [{ max: 35 }, { max: 12 }],
      _count: { statusChanges: 2 },
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entity: "Claim", entityId: String(before.id), action: "import-update" },
      select: { changes: true },
    });
    expect(JSON.parse(event.changes)).toMatchObject({
      statement: ["The strike hit a militant camp.", "The strike hit a training camp."],
      figures: "replaced",
      version: [before.version, before.version + 1],
    });
  });

  it("appends status history that continues the database's, and refuses one that rewrites it", async () => {
    const claimant = `j5-${Date.now()}`;
    const base = { statusRationale: "Checking the sources.", status: "IN_REVIEW", sources: [], figures: [], links: [] };
    const step1 = [{ from: "UNVERIFIED", to: "IN_REVIEW", rationale: "Checking the sources.", isCorrection: false }];
    await runImport(
      target(),
      jsonFile({
        actors: [actorRecord(claimant)],
        claims: [claimRecord("j5-claim", claimant, { ...base, statusHistory: step1 })],
      }),
    );
    const longer = [
      ...step1,
      {
        from: "IN_REVIEW",
        to: "UNVERIFIABLE",
        rationale: "No independent access to the area for now.",
        isCorrection: false,
      },
    ];
    const appended = await runImport(
      target(),
      jsonFile({
        claims: [
          claimRecord("j5-claim", claimant, {
            ...base,
            status: "UNVERIFIABLE",
            statusRationale: longer[1]!.rationale,
            sources: undefined,
            statusHistory: longer,
          }),
        ],
      }),
    );
    expect(problems(appended)).toEqual([
      expect.stringMatching(
        /^line \d+, claims\[0\]\.status: a final verdict \(Unverifiable\) needs at least one source, and this claim has none in the database\. Give its sources\.$/,
      ),
    ]);

    const src = { key: "s", url: "https://example.org/j5", title: "J5 source", type: "NEWS_REPORT", protected: false };
    const withSource = await runImport(
      target(),
      jsonFile({
        sources: [src],
        claims: [
          claimRecord("j5-claim", claimant, {
            ...base,
            status: "UNVERIFIABLE",
            statusRationale: longer[1]!.rationale,
            sources: [{ source: "s", stance: "CONTEXT" }],
            statusHistory: longer,
          }),
        ],
      }),
    );
    expect(withSource).toMatchObject({ ok: true, counts: { statusChanges: { added: 1 }, claims: { updated: 1 } } });

    const rewritten = [
      {
        from: "UNVERIFIED",
        to: "UNVERIFIABLE",
        rationale: "No independent access to the area for now.",
        isCorrection: false,
      },
    ];
    const refused = await runImport(
      target(),
      jsonFile({
        sources: [src],
        claims: [
          claimRecord("j5-claim", claimant, {
            ...base,
            status: "UNVERIFIABLE",
            statusRationale: longer[1]!.rationale,
            sources: [{ source: "s", stance: "CONTEXT" }],
            statusHistory: rewritten,
          }),
        ],
      }),
    );
    expect(problems(refused)).toEqual([
      expect.stringMatching(
        /^line \d+, claims\[0\]\.statusHistory: the database has another status history for this claim \(2 changes; change 1 differs/,
      ),
    ]);
  });

  it("records a change of status as one step when the record has no history, as the editor does", async () => {
    const existing = await makeTestClaim(db, { status: "DISPUTED" });
    const file = jsonFile({
      claims: [
        claimRecord(existing.slug, existing.claimant.slug, {
          statement: existing.statement,
          claimedAt: "2026-11-20",
          status: "FALSE",
          statusRationale: "Satellite imagery shows the depot intact two days later.",
          publishedAt: existing.publishedAt?.toISOString(),
        }),
      ],
    });
    const report = await runImport(target(), file);
    expect(problems(report)).toEqual([]);
    const changes = await db.statusChange.findMany({
      where: { claimId: existing.id },
      orderBy: { id: "asc" },
      select: { from: true, to: true, rationale: true, isCorrection: true },
    });
    expect(changes.at(-1)).toEqual({
      from: "DISPUTED",
      to: "FALSE",
      rationale: "Satellite imagery shows the depot intact two days later.",
      isCorrection: true,
    });
    // The record gave no sources, so the claim keeps the one it had.
    expect(await db.claimSource.count({ where: { claimId: existing.id } })).toBe(1);
  });

  it("finds sources again by url, or by title and publisher without one, instead of adding copies", async () => {
    const file = (title: string) =>
      jsonFile({
        sources: [
          { key: "a", url: "https://example.org/j6/report", title, type: "NEWS_REPORT", protected: false },
          { key: "b", title: "J6 leaflet", publisher: "Unknown", type: "OTHER", protected: false },
          { key: "c", title: "J6 leaflet", publisher: "Unknown", type: "OTHER", protected: false },
        ],
      });
    expect(await runImport(target(), file("J6 report"))).toMatchObject({
      ok: true,
      counts: { sources: { created: 3 } },
    });
    expect(await runImport(target(), file("J6 report, corrected title"))).toMatchObject({
      ok: true,
      counts: { sources: { created: 0, updated: 1, unchanged: 2 } },
    });
    expect(
      await db.source.count({ where: { OR: [{ url: "https://example.org/j6/report" }, { title: "J6 leaflet" }] } }),
    ).toBe(3);
  });

  it("links to claims already in the database", async () => {
    const target1 = await makeTestClaim(db, {});
    const report = await runImport(
      target(),
      jsonFile({
        actors: [actorRecord("j7-actor")],
        claims: [claimRecord("j7-denial", "j7-actor", { links: [{ to: target1.slug, type: "DENIES" }] })],
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(await db.claimLink.count({ where: { toId: target1.id, type: "DENIES", from: { slug: "j7-denial" } } })).toBe(
      1,
    );
  });

  it("in a dry run checks everything and reports the counts, writing nothing", async () => {
    const before = await everyTableCount(db);
    const report = await runImport(target(), storyFile("j8"), { dryRun: true });
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      importId: null,
      counts: { claims: { created: 3 }, sources: { created: 3 } },
    });
    expect(await everyTableCount(db)).toEqual(before);
  });
});

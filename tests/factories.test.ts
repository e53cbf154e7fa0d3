import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { upsertActor, upsertClaim, upsertSource, type ClaimInput } from "@/prisma/upserts";
import { makeTestClaim, makeTestUser, uniqueSuffix } from "@/test-support/builders";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

describe("makeTestClaim", () => {
  it("makes a published claim with a fresh claimant and one supporting source by default", async () => {
    const claim = await makeTestClaim(db);
    expect(claim.slug).toMatch(/^t-[0-9a-f]{10}$/);
    expect(claim.publishedAt).toBeInstanceOf(Date);
    expect(claim.status).toBe("UNVERIFIED");
    expect(claim.claimant.slug).toMatch(/^t-actor-/);
    expect(claim.sources).toEqual([expect.objectContaining({ stance: "SUPPORTS", protected: false })]);
    const row = await db.claim.findUniqueOrThrow({
      where: { id: claim.id },
      include: { statusChanges: true, sources: true },
    });
    expect(row.statement).toBe(claim.statement);
    expect(row.statusChanges).toEqual([]);
    expect(row.sources).toHaveLength(1);
  });

  it("makes a draft when published is false, and unique slugs every time", async () => {
    const [a, b] = await Promise.all([makeTestClaim(db, { published: false }), makeTestClaim(db)]);
    expect(a.publishedAt).toBeNull();
    expect((await db.claim.findUniqueOrThrow({ where: { id: a.id } })).publishedAt).toBeNull();
    expect(a.slug).not.toBe(b.slug);
    expect(a.claimant.id).not.toBe(b.claimant.id);
  });

  it("records a status with a default rationale and one status change", async () => {
    const claim = await makeTestClaim(db, { status: "DISPUTED", category: "CASUALTIES" });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { statusChanges: true } });
    expect(row.status).toBe("DISPUTED");
    expect(row.statusRationale!.length).toBeGreaterThanOrEqual(20);
    expect(row.statusChanges).toMatchObject([{ from: "UNVERIFIED", to: "DISPUTED", isCorrection: false }]);
  });

  it("reuses a given claimant and stores figures reported by several actors", async () => {
    const reporter = await upsertActor(db, { slug: `reporter-${uniqueSuffix()}`, name: "Reporter", kind: "NGO" });
    const first = await makeTestClaim(db);
    const claim = await makeTestClaim(db, {
      claimantId: first.claimant.id,
      figures: [
        { min: 10, max: 10, population: "CIVILIANS", outcome: "KILLED" },
        { reportedById: reporter.id, min: 4, max: 25, population: "CIVILIANS", outcome: "INJURED" },
      ],
    });
    expect(claim.claimant).toEqual(first.claimant);
    const figures = await db.casualtyFigure.findMany({ where: { claimId: claim.id }, orderBy: { min: "desc" } });
    expect(figures.map((f) => [f.reportedById, f.population, f.outcome, f.min, f.max])).toEqual([
      [first.claimant.id, "CIVILIANS", "KILLED", 10, 10],
      [reporter.id, "CIVILIANS", "INJURED", 4, 25],
    ]);
  });

  it("writes everything in one transaction: a bad figure leaves no claim, actor or source behind", async () => {
    const slug = `t-broken-${uniqueSuffix()}`;
    const [actors, sources] = [await db.actor.count(), await db.source.count()];
    await expect(makeTestClaim(db, { slug, figures: [{ min: 9, max: 3 }] })).rejects.toThrow();
    expect(await db.claim.findUnique({ where: { slug } })).toBeNull();
    expect([await db.actor.count(), await db.source.count()]).toEqual([actors, sources]);
  });

  it("links to other claims and keeps a protected source's reason", async () => {
    const denied = await makeTestClaim(db);
    const claim = await makeTestClaim(db, {
      links: [{ toId: denied.id, type: "DENIES" }],
      sources: [
        { stance: "REFUTES", protected: true, protectedReason: "Named reporter in a conflict zone." },
        { stance: "CONTEXT", url: null, title: "Undated leaflet" },
      ],
    });
    const links = await db.claimLink.findMany({ where: { fromId: claim.id } });
    expect(links).toMatchObject([{ toId: denied.id, type: "DENIES" }]);
    expect(claim.sources.map((s) => [s.stance, s.protected])).toEqual([
      ["REFUTES", true],
      ["CONTEXT", false],
    ]);
    const protectedSource = await db.source.findUniqueOrThrow({ where: { id: claim.sources[0]!.id } });
    expect(protectedSource.protectedReason).toBe("Named reporter in a conflict zone.");
    expect((await db.source.findUniqueOrThrow({ where: { id: claim.sources[1]!.id } })).url).toBeNull();
  });

  it("takes an explicit status history, including a correction", async () => {
    const claim = await makeTestClaim(db, {
      status: "MISLEADING",
      statusHistory: [
        { from: "UNVERIFIED", to: "CONFIRMED", rationale: "First verdict from one official source." },
        {
          from: "CONFIRMED",
          to: "MISLEADING",
          rationale: "Imagery shows the site was a depot, not a camp.",
          isCorrection: true,
        },
      ],
    });
    const changes = await db.statusChange.findMany({
      where: { claimId: claim.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(changes.map((c) => [c.from, c.to, c.isCorrection])).toEqual([
      ["UNVERIFIED", "CONFIRMED", false],
      ["CONFIRMED", "MISLEADING", true],
    ]);
  });
});

describe("makeTestUser", () => {
  it("creates a user who can sign in with the returned password", async () => {
    const user = await makeTestUser(db, { role: "ADMIN", email: `Boss-${uniqueSuffix()}@Test.local` });
    expect(user.email).toBe(user.email.toLowerCase());
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.role).toBe("ADMIN");
    expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
  });
});

describe("upsertSource", () => {
  it("finds a source by url, or by title and publisher when it has none", async () => {
    const url = `https://example.org/report-${uniqueSuffix()}`;
    const a = await upsertSource(db, { url, title: "Old title", type: "NGO_REPORT" });
    const b = await upsertSource(db, { url, title: "New title", type: "NGO_REPORT" });
    expect(b.id).toBe(a.id);
    expect((await db.source.findUniqueOrThrow({ where: { id: a.id } })).title).toBe("New title");
    const title = `Leaflet ${uniqueSuffix()}`;
    const c = await upsertSource(db, { title, publisher: "Unknown", type: "OTHER" });
    const d = await upsertSource(db, { title, publisher: "Unknown", type: "OTHER", excerpt: "Text" });
    const e = await upsertSource(db, { title, publisher: "Someone else", type: "OTHER" });
    expect(d.id).toBe(c.id);
    expect(e.id).not.toBe(c.id);
  });

  it("refuses a url that is not http or https", async () => {
    await expect(upsertSource(db, { url: "javascript:alert(1)", title: "x", type: "OTHER" })).rejects.toThrow();
  });
});

describe("upsertClaim", () => {
  async function fixture() {
    const s = uniqueSuffix();
    const claimant = await upsertActor(db, { slug: `gov-${s}`, name: "Gov", kind: "GOVERNMENT", country: "PK" });
    const reporter = await upsertActor(db, { slug: `ngo-${s}`, name: "NGO", kind: "NGO" });
    const source = await upsertSource(db, { url: `https://example.org/${s}`, title: "Report", type: "NEWS_REPORT" });
    const other = await makeTestClaim(db, { slug: `other-${s}` });
    const input: ClaimInput = {
      slug: `claim-${s}`,
      statement: "Twelve militants were killed.",
      category: "CASUALTIES",
      claimant: claimant.slug,
      claimedAt: new Date("2026-11-20T00:00:00Z"),
      status: "DISPUTED",
      statusRationale: "The parties give different numbers and nobody independent has access.",
      published: true,
      sources: [{ sourceId: source.id, stance: "CONTEXT", note: "Attribution only" }],
      figures: [
        {
          reportedBy: reporter.slug,
          population: "MILITANTS",
          outcome: "KILLED",
          min: 8,
          max: 12,
          noSourceReason: "Read out at a press briefing; no transcript.",
        },
      ],
      links: [{ to: other.slug, type: "CONTRADICTS" }],
      statusHistory: [
        {
          from: "UNVERIFIED",
          to: "DISPUTED",
          rationale: "The parties give different numbers and nobody independent has access.",
        },
      ],
    };
    return { input, source, reporter, other };
  }

  async function related(claimId: number) {
    return {
      claim: await db.claim.findUniqueOrThrow({
        where: { id: claimId },
        select: { version: true, publishedAt: true, status: true },
      }),
      sources: await db.claimSource.findMany({
        where: { claimId },
        select: { id: true, sourceId: true, stance: true },
      }),
      figures: await db.casualtyFigure.findMany({ where: { claimId }, select: { id: true, min: true, max: true } }),
      links: await db.claimLink.findMany({ where: { fromId: claimId }, select: { id: true, toId: true, type: true } }),
      changes: await db.statusChange.findMany({ where: { claimId }, select: { id: true, to: true } }),
    };
  }

  it("is idempotent: the same input twice leaves the same rows, ids and version", async () => {
    const { input } = await fixture();
    const created = await upsertClaim(db, input);
    expect(created.created).toBe(true);
    const once = await related(created.id);
    const again = await upsertClaim(db, input);
    expect(again).toEqual({ ...created, created: false });
    expect(await related(created.id)).toEqual(once);
    expect(once.claim.version).toBe(1);
    expect(once.figures).toHaveLength(1);
    expect(once.links).toHaveLength(1);
    expect(once.changes).toHaveLength(1);
  });

  it("replaces sources, figures and links with the given ones and appends only new status changes", async () => {
    const { input, source } = await fixture();
    const { id } = await upsertClaim(db, input);
    const second = await upsertSource(db, {
      url: `https://example.org/second-${uniqueSuffix()}`,
      title: "Second",
      type: "UN_REPORT",
    });
    await upsertClaim(db, {
      ...input,
      status: "UNVERIFIABLE",
      sources: [
        { sourceId: source.id, stance: "REFUTES" },
        { sourceId: second.id, stance: "SUPPORTS" },
      ],
      figures: [],
      links: [],
      statusHistory: [
        ...input.statusHistory!,
        {
          from: "DISPUTED",
          to: "UNVERIFIABLE",
          rationale: "Access to the area is closed to everyone.",
          isCorrection: true,
        },
      ],
    });
    const after = await related(id);
    expect(after.claim).toMatchObject({ version: 2, status: "UNVERIFIABLE" });
    expect(after.sources.map((s) => [s.sourceId, s.stance]).sort()).toEqual(
      [
        [source.id, "REFUTES"],
        [second.id, "SUPPORTS"],
      ].sort(),
    );
    expect(after.figures).toEqual([]);
    expect(after.links).toEqual([]);
    expect(after.changes.map((c) => c.to)).toEqual(["DISPUTED", "UNVERIFIABLE"]);
  });

  it("refuses claims that break the status rules, and writes nothing for them", async () => {
    const { input } = await fixture();
    await expect(upsertClaim(db, { ...input, kind: "POSITION" })).rejects.toThrow(/Positions are not rated/);
    await expect(upsertClaim(db, { ...input, statusRationale: "too short" })).rejects.toThrow(/20 characters/);
    await expect(upsertClaim(db, { ...input, sources: [] })).rejects.toThrow(/Link at least one source/);
    await expect(upsertClaim(db, { ...input, status: "FALSE" })).rejects.toThrow(/ends at DISPUTED/);
    await expect(upsertClaim(db, { ...input, links: [{ to: input.slug, type: "DENIES" }] })).rejects.toThrow(/itself/);
    await expect(
      upsertClaim(db, {
        ...input,
        figures: [
          {
            reportedBy: input.claimant,
            population: "CIVILIANS",
            outcome: "KILLED",
            min: 5,
            max: 2,
            noSourceReason: "Read out at a press briefing; no transcript.",
          },
        ],
      }),
    ).rejects.toThrow(/cannot be below the lowest \(5\)/);
    // The seed's figures are held to the figure form's rule: a source, or the reason none can be named.
    await expect(
      upsertClaim(db, {
        ...input,
        figures: [{ reportedBy: input.claimant, population: "CIVILIANS", outcome: "KILLED", min: 2, max: 5 }],
      }),
    ).rejects.toThrow(/Choose the source that gives this figure/);
    expect(await db.claim.findUnique({ where: { slug: input.slug } })).toBeNull();
  });

  it("skips an existing claim entirely when asked to", async () => {
    const { input } = await fixture();
    const { id } = await upsertClaim(db, input);
    const before = await related(id);
    const result = await upsertClaim(
      db,
      { ...input, statement: "Changed", figures: [], links: [] },
      { ifExists: "skip" },
    );
    expect(result).toEqual({ id, slug: input.slug, created: false });
    expect(await related(id)).toEqual(before);
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).statement).toBe(input.statement);
  });
});

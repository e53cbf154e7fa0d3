import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { FINAL_STATUSES } from "@/lib/domain/vocabulary";
import { loadSynthetic, parseSyntheticCount, type SyntheticResult } from "@/prisma/synthetic";
import { createRng, statusHistory } from "@/prisma/synthetic-rows";
import { makeTestClaim } from "@/test-support/builders";
import { createTestDb } from "./helpers/test-db";

const N = 500;
const NOW = new Date("2026-11-25T12:00:00Z");

let db: Db;
let cleanup: () => Promise<void>;
let run: SyntheticResult;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  // Small batches so the cross-batch paths (links to claims written in an earlier transaction) are exercised.
  run = await loadSynthetic(db, { count: N, seed: 42, batchSize: 120, now: NOW });
});
afterAll(async () => cleanup());

describe("synthetic loader", () => {
  it("writes the counts it reports", async () => {
    expect(run.claims).toBe(N);
    expect({
      claims: await db.claim.count(),
      actors: await db.actor.count(),
      sources: await db.source.count(),
      claimSources: await db.claimSource.count(),
      figures: await db.casualtyFigure.count(),
      links: await db.claimLink.count(),
      statusChanges: await db.statusChange.count(),
    }).toEqual({
      claims: N,
      actors: run.actors,
      sources: run.sources,
      claimSources: run.claimSources,
      figures: run.figures,
      links: run.links,
      statusChanges: run.statusChanges,
    });
    expect(run.figures).toBeGreaterThan(0);
    expect(run.links).toBeGreaterThan(0);
  });

  it("marks every claim, actor and source as synthetic", async () => {
    const claims = await db.claim.findMany({ select: { slug: true, statement: true, synthetic: true } });
    for (const c of claims) {
      expect(c.slug.startsWith(`synthetic-${run.runId}-`)).toBe(true);
      expect(c.statement.startsWith("[Synthetic] ")).toBe(true);
      expect(c.synthetic).toBe(true);
    }
    expect(await db.actor.count({ where: { synthetic: false } })).toBe(0);
    expect(await db.source.count({ where: { synthetic: false } })).toBe(0);
    expect(await db.actor.count({ where: { slug: { startsWith: "synthetic-" } } })).toBe(run.actors);
  });

  it("keeps casualty figures in range, links free of self-links and duplicates", async () => {
    const figures = await db.casualtyFigure.findMany({ select: { min: true, max: true } });
    for (const f of figures) expect(0 <= f.min && f.min <= f.max).toBe(true);
    const links = await db.claimLink.findMany({ select: { fromId: true, toId: true, type: true } });
    expect(links.filter((l) => l.fromId === l.toId)).toEqual([]);
    expect(new Set(links.map((l) => `${l.fromId}:${l.toId}:${l.type}`)).size).toBe(links.length);
  });

  it("gives every claim a source and a status history that ends at its status", async () => {
    const claims = await db.claim.findMany({
      select: {
        kind: true,
        status: true,
        statusRationale: true,
        publishedAt: true,
        updatedAt: true,
        _count: { select: { sources: true } },
        statusChanges: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { from: true, to: true, isCorrection: true, rationale: true, createdAt: true },
        },
      },
    });
    let corrections = 0;
    for (const c of claims) {
      expect(c._count.sources).toBeGreaterThanOrEqual(1);
      if (c.kind === "POSITION") expect(c.status).toBe("UNVERIFIED");
      if (FINAL_STATUSES.includes(c.status)) expect(c.statusRationale!.length).toBeGreaterThanOrEqual(20);
      const changes = c.statusChanges;
      if (c.status === "UNVERIFIED") expect(changes).toEqual([]);
      else {
        expect(changes[0]?.from).toBe("UNVERIFIED");
        changes.slice(1).forEach((change, i) => expect(change.from).toBe(changes[i]!.to));
        expect(changes.at(-1)?.to).toBe(c.status);
        expect(changes.at(-1)?.rationale).toBe(c.statusRationale);
        expect(c.updatedAt.getTime()).toBe(changes.at(-1)!.createdAt.getTime());
      }
      for (const change of changes) {
        // A correction moves away from a verdict readers could see.
        expect(change.isCorrection).toBe(c.publishedAt !== null && FINAL_STATUSES.includes(change.from));
        expect(change.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        if (c.publishedAt) expect(change.createdAt.getTime()).toBeGreaterThanOrEqual(c.publishedAt.getTime());
        if (change.isCorrection) corrections++;
      }
    }
    expect(corrections).toBeGreaterThan(0);
  });

  it("varies status, category, kind and dates, with about 5% drafts", async () => {
    const byStatus = await db.claim.groupBy({ by: ["status"], _count: true });
    const byCategory = await db.claim.groupBy({ by: ["category"], _count: true });
    expect(byStatus.length).toBe(7);
    expect(byCategory.length).toBe(7);
    expect(await db.claim.count({ where: { kind: "POSITION" } })).toBeGreaterThan(0);
    const drafts = await db.claim.count({ where: { publishedAt: null } });
    expect(drafts / N).toBeGreaterThan(0.01);
    expect(drafts / N).toBeLessThan(0.1);
    const range = await db.claim.aggregate({ _min: { claimedAt: true }, _max: { claimedAt: true } });
    const spanDays = (range._max.claimedAt!.getTime() - range._min.claimedAt!.getTime()) / 86_400_000;
    expect(spanDays).toBeGreaterThan(600);
    expect(range._max.claimedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    // Dates written by the bulk insert compare correctly in Prisma filters.
    const lastYear = await db.claim.count({
      where: { claimedAt: { gte: new Date(NOW.getTime() - 365 * 86_400_000) } },
    });
    expect(lastYear).toBeGreaterThan(N * 0.35);
    expect(lastYear).toBeLessThan(N * 0.65);
  });

  it("adds more claims under a new run id when run again", async () => {
    const second = await loadSynthetic(db, { count: 30, seed: 7, now: NOW });
    expect(second.runId).not.toBe(run.runId);
    expect(await db.claim.count()).toBe(N + 30);
    expect(await db.claim.count({ where: { slug: { startsWith: `synthetic-${second.runId}-` } } })).toBe(30);
  });
});

describe("synthetic status history", () => {
  it("always starts at UNVERIFIED, chains, and ends at the status", () => {
    const rng = createRng(1);
    for (let i = 0; i < 2000; i++) {
      const status = (["UNVERIFIED", "IN_REVIEW", ...FINAL_STATUSES] as const)[i % 7]!;
      const history = statusHistory(rng, status, i % 3 !== 0);
      if (status === "UNVERIFIED") expect(history).toEqual([]);
      else {
        expect(history[0]?.from).toBe("UNVERIFIED");
        expect(history.at(-1)?.to).toBe(status);
        history.slice(1).forEach((h, k) => expect(h.from).toBe(history[k]!.to));
      }
    }
  });
});

describe("parseSyntheticCount", () => {
  it("accepts whole numbers from 1 to 1,000,000", () => {
    expect(parseSyntheticCount("1")).toBe(1);
    expect(parseSyntheticCount("100000")).toBe(100_000);
    expect(parseSyntheticCount("100_000")).toBe(100_000);
    expect(parseSyntheticCount("1000000")).toBe(1_000_000);
  });

  it("refuses anything else with a clear message", () => {
    expect(() => parseSyntheticCount(undefined)).toThrow(/give the number of claims/);
    expect(() => parseSyntheticCount("0")).toThrow(/at least 1/);
    expect(() => parseSyntheticCount("1000001")).toThrow(/at most 1,000,000/);
    for (const bad of ["-5", "1.5", "abc", "1e5", ""]) expect(() => parseSyntheticCount(bad)).toThrow(/N /);
  });
});

describe("after a synthetic load", () => {
  it("takes ordinary inserts (on PostgreSQL the id sequences are moved past the loaded ids)", async () => {
    const own = await createTestDb();
    try {
      await loadSynthetic(own.db, { count: 30, seed: 7, batchSize: 10, now: new Date("2026-11-01T00:00:00Z") });
      const claim = await makeTestClaim(own.db, { statement: "An ordinary claim after a synthetic load" });
      expect(claim.id).toBe((await own.db.claim.aggregate({ _max: { id: true } }))._max.id);
    } finally {
      await own.cleanup();
    }
  });
});

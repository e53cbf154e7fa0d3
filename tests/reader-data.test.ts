import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { getPublishedClaim, listPublishedClaims } from "@/lib/data/reads/claims";
import {
  getCategoryCounts,
  getParity,
  getStatusCounts,
  listMostContested,
  listRecentlyChanged,
} from "@/lib/data/reads/dashboard";
import { getActorProfile, listActors } from "@/lib/data/reads/actors";
import { listCorrections } from "@/lib/data/reads/corrections";
import { actorExists, publishedClaimExists } from "@/lib/data/reads/exists";
import type { Db } from "@/lib/db/create-client";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const filters = (params: Record<string, string>) => parseClaimFilters(params).filters;

describe("listPublishedClaims", () => {
  it("filters, sorts, paginates and never returns drafts", async () => {
    const a = await makeTestClaim(db, {
      statement: "Alpha unique-word-x",
      status: "DISPUTED",
      category: "CASUALTIES",
      claimedAt: new Date("2026-01-10"),
    });
    const actor = a.claimant.slug;
    await makeTestClaim(db, {
      claimantId: a.claimant.id,
      statement: "Beta",
      status: "FALSE",
      category: "CASUALTIES",
      claimedAt: new Date("2026-02-10"),
    });
    await makeTestClaim(db, {
      claimantId: a.claimant.id,
      statement: "Gamma unique-word-x",
      status: "DISPUTED",
      category: "OTHER",
      claimedAt: new Date("2026-03-10"),
      statusRationale: "rationale mentions zanzibar",
    });
    await makeTestClaim(db, {
      claimantId: a.claimant.id,
      statement: "Draft unique-word-x",
      published: false,
      claimedAt: new Date("2026-03-11"),
    });

    const statements = async (p: Record<string, string>) =>
      (await listPublishedClaims(db, filters({ actor, ...p }))).claims.map((c) => c.statement);
    expect(await statements({})).toEqual(["Gamma unique-word-x", "Beta", "Alpha unique-word-x"]);
    expect(await statements({ status: "DISPUTED" })).toEqual(["Gamma unique-word-x", "Alpha unique-word-x"]);
    expect(await statements({ category: "CASUALTIES", sort: "oldest" })).toEqual(["Alpha unique-word-x", "Beta"]);
    expect(await statements({ from: "2026-02-10", to: "2026-02-10" })).toEqual(["Beta"]);
    expect(await statements({ q: "unique-word-x" })).toEqual(["Gamma unique-word-x", "Alpha unique-word-x"]);
    expect(await statements({ q: "zanzibar" })).toEqual(["Gamma unique-word-x"]);
    await makeTestClaim(db, { claimantId: a.claimant.id, statement: "Delta unique-word-x", kind: "POSITION" });
    expect(await statements({ kind: "POSITION" })).toEqual(["Delta unique-word-x"]);
    expect(await statements({ kind: "POSITION", q: "unique-word-x" })).toEqual(["Delta unique-word-x"]);
    expect(await statements({ kind: "FACT", q: "unique-word-x" })).toEqual([
      "Gamma unique-word-x",
      "Alpha unique-word-x",
    ]);

    const page2 = await listPublishedClaims(db, { ...filters({ actor }), page: 2 });
    expect(page2.total).toBe(4);
    expect(page2.claims).toEqual([]);
    expect(page2.pageCount).toBe(1);
  });
});

describe("getPublishedClaim", () => {
  it("withholds a protected source's identity from readers", async () => {
    const claim = await makeTestClaim(db, {
      sources: [
        {
          stance: "REFUTES",
          title: "Named witness",
          publisher: "Village council",
          protected: true,
          protectedReason: "Lives nearby",
          url: "https://village.example.org/witness",
          publishedAt: new Date("1987-03-14T00:00:00Z"),
        },
        { stance: "SUPPORTS", title: "Open report" },
      ],
      figures: [{ min: 1, max: 2, population: "CIVILIANS", outcome: "INJURED" }],
    });
    const source = await db.source.findFirstOrThrow({ where: { title: "Named witness" }, select: { id: true } });
    await db.casualtyFigure.updateMany({ where: { claimId: claim.id }, data: { sourceId: source.id } });
    const view = await getPublishedClaim(db, claim.slug);
    const json = JSON.stringify(view);
    expect(json).not.toContain("Named witness");
    expect(json).not.toContain("Village council");
    expect(json).not.toContain("village.example.org");
    expect(json).not.toContain("1987-03-14");
    expect(view?.sources.find((s) => s.withheld)).not.toHaveProperty("publishedAt");
    expect(view?.sources.find((s) => s.withheld)).toMatchObject({
      withheld: true,
      reason: "Lives nearby",
      stance: "REFUTES",
    });
    expect(view?.figures[0]?.source?.title).toBe("Identity withheld");
    expect(view?.independentSources).toBe(2);
  });

  it("returns null for drafts and hides links to drafts", async () => {
    const draft = await makeTestClaim(db, { published: false });
    expect(await getPublishedClaim(db, draft.slug)).toBeNull();
    const published = await makeTestClaim(db, { links: [{ toId: draft.id, type: "DENIES" }] });
    expect((await getPublishedClaim(db, published.slug))?.links).toEqual([]);
    expect(await publishedClaimExists(db, draft.slug)).toBe(false);
    expect(await publishedClaimExists(db, published.slug)).toBe(true);
    expect(await actorExists(db, published.claimant.slug)).toBe(true);
  });

  it("counts sources repeating one origin once", async () => {
    const origin = await db.source.create({ data: { title: "Press release", type: "OFFICIAL_STATEMENT" } });
    const copy1 = await db.source.create({
      data: { title: "Outlet 1", type: "NEWS_REPORT", derivedFromId: origin.id },
    });
    const copy2 = await db.source.create({
      data: { title: "Outlet 2", type: "NEWS_REPORT", derivedFromId: origin.id },
    });
    const claim = await makeTestClaim(db, {
      sources: [
        { sourceId: copy1.id, stance: "SUPPORTS" },
        { sourceId: copy2.id, stance: "SUPPORTS" },
      ],
    });
    const view = await getPublishedClaim(db, claim.slug);
    expect(view?.independentSources).toBe(1);
    expect(view?.sources[0]).toMatchObject({ derivedFrom: { title: "Press release" } });
  });
});

describe("dashboard", () => {
  it("counts, recent, contested and parity see only published claims", async () => {
    const { db: fresh, cleanup: done } = await createTestDb();
    try {
      const pk = await makeTestClaim(fresh, { status: "DISPUTED", category: "CASUALTIES" });
      const af = await fresh.actor.create({
        data: { slug: "af-side", name: "Kabul", kind: "GOVERNMENT", country: "AF", side: "Afghanistan" },
      });
      const denial = await makeTestClaim(fresh, {
        claimantId: af.id,
        status: "UNVERIFIED",
        links: [{ toId: pk.id, type: "DENIES" }],
      });
      await makeTestClaim(fresh, { claimantId: af.id, kind: "POSITION" });
      const draft = await makeTestClaim(fresh, {
        claimantId: af.id,
        published: false,
        status: "FALSE",
        links: [{ toId: pk.id, type: "CONTRADICTS" }],
      });

      const status = await getStatusCounts(fresh);
      expect(status.counts.DISPUTED).toBe(1);
      expect(status.counts.UNVERIFIED).toBe(1);
      expect(status.counts.FALSE).toBe(0);
      expect(status.positions).toBe(1);
      // Each status count links to the list with kind=FACT (app/(public)/(home)/page.tsx): the two agree.
      for (const s of ["UNVERIFIED", "DISPUTED"] as const)
        expect((await listPublishedClaims(fresh, filters({ status: s, kind: "FACT" }))).total).toBe(status.counts[s]);
      expect((await listPublishedClaims(fresh, filters({ kind: "POSITION" }))).total).toBe(status.positions);
      expect((await listPublishedClaims(fresh, filters({ status: "UNVERIFIED" }))).total).toBe(2);
      expect(await getCategoryCounts(fresh)).toEqual([
        { category: "OTHER", count: 2 },
        { category: "CASUALTIES", count: 1 },
      ]);
      expect((await listRecentlyChanged(fresh)).map((c) => c.slug)).not.toContain(draft.slug);

      const contested = await listMostContested(fresh);
      expect(contested.map((c) => [c.claim.slug, c.contestedBy])).toEqual([
        [pk.slug, 1],
        [denial.slug, 1],
      ]);

      const parity = await getParity(fresh);
      expect(parity.find((s) => s.side === "Afghanistan")).toMatchObject({ total: 2, positions: 1 });
      // The builder's claimant has no side: it is counted as none or independent.
      expect(parity.find((s) => s.side === null)?.byStatus.DISPUTED).toBe(1);
    } finally {
      await done();
    }
  });
});

describe("actors and corrections", () => {
  it("splits an actor's claims into claimed, denied and positions", async () => {
    const target = await makeTestClaim(db);
    const claimed = await makeTestClaim(db);
    const denial = await makeTestClaim(db, {
      claimantId: claimed.claimant.id,
      links: [{ toId: target.id, type: "DENIES" }],
    });
    const position = await makeTestClaim(db, { claimantId: claimed.claimant.id, kind: "POSITION" });
    await makeTestClaim(db, { claimantId: claimed.claimant.id, published: false });
    const profile = await getActorProfile(db, claimed.claimant.slug);
    expect(profile?.claimed.map((c) => c.slug)).toEqual([claimed.slug]);
    expect(profile?.denied.map((c) => c.slug)).toEqual([denial.slug]);
    expect(profile?.denied[0]?.linksFrom[0]?.to.slug).toBe(target.slug);
    expect(profile?.positions.map((c) => c.slug)).toEqual([position.slug]);
    expect(profile?.counts).toEqual({ claimed: 1, denied: 1, positions: 1, about: 0 });
    expect((await listActors(db)).find((a) => a.slug === claimed.claimant.slug)?.claimCount).toBe(3);
    expect(await getActorProfile(db, "nobody")).toBeNull();
  });

  it("lists only corrections of published claims, newest first", async () => {
    const published = await makeTestClaim(db, {
      status: "MISLEADING",
      statusHistory: [
        { from: "UNVERIFIED", to: "CONFIRMED", rationale: "Confirmed by two independent reports." },
        { from: "CONFIRMED", to: "MISLEADING", rationale: "Correction: one report was a copy.", isCorrection: true },
      ],
    });
    await makeTestClaim(db, {
      published: false,
      statusHistory: [
        { from: "FALSE", to: "DISPUTED", rationale: "Draft correction never shown.", isCorrection: true },
      ],
    });
    const { corrections, total } = await listCorrections(db);
    expect(total).toBe(1);
    expect(corrections[0]).toMatchObject({ from: "CONFIRMED", to: "MISLEADING", claim: { slug: published.slug } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listPublishedClaimIds, listPublishedClaims } from "@/lib/data/reads/claims";
import { engineOf, type Db } from "@/lib/db/create-client";
import { toSegments } from "@/lib/domain/highlight";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 9)}`;
const list = (params: Record<string, string>) => listPublishedClaims(db, parseClaimFilters(params).filters);
const slugs = async (params: Record<string, string>) => (await list(params)).claims.map((c) => c.slug);
/** Whether the claim has a row in the search index: SQLite's FTS5 table, or PostgreSQL's tsvector column. */
const indexed = async (id: number) =>
  Number(
    (
      await (engineOf(db) === "postgresql"
        ? db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "Claim" WHERE "id" = ${id} AND "search" IS NOT NULL`
        : db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "ClaimSearch" WHERE "rowid" = ${id}`)
    )[0]?.n,
  );

// Its triggers by name: tests/search-index.sqlite.test.ts and tests/search-index.postgres.test.ts.
describe("the search index", () => {
  it("follows inserts, edits, publishing, unpublishing and deletes", async () => {
    const first = unique("alpha");
    const second = unique("bravo");
    const claim = await makeTestClaim(db, { statement: `Strike on ${first}` });
    expect(await slugs({ q: first })).toEqual([claim.slug]);

    await db.claim.update({ where: { id: claim.id }, data: { statement: `Strike on ${second}` } });
    expect(await slugs({ q: first })).toEqual([]);
    expect(await slugs({ q: second })).toEqual([claim.slug]);

    await db.claim.update({ where: { id: claim.id }, data: { statusRationale: `Checked against ${first}` } });
    expect(await slugs({ q: first })).toEqual([claim.slug]);

    await db.claim.update({ where: { id: claim.id }, data: { publishedAt: null } });
    expect(await indexed(claim.id)).toBe(0);
    expect(await slugs({ q: second })).toEqual([]);
    await db.claim.update({ where: { id: claim.id }, data: { publishedAt: new Date() } });
    expect(await slugs({ q: second })).toEqual([claim.slug]);

    // A change that touches no indexed column leaves the row as it is.
    await db.claim.update({ where: { id: claim.id }, data: { status: "DISPUTED" } });
    expect(await slugs({ q: second })).toEqual([claim.slug]);

    await db.claim.delete({ where: { id: claim.id } });
    expect(await indexed(claim.id)).toBe(0);
    expect(await slugs({ q: second })).toEqual([]);
  });

  it("never holds a draft", async () => {
    const word = unique("draft");
    const draft = await makeTestClaim(db, { statement: `Draft about ${word}`, published: false });
    expect(await indexed(draft.id)).toBe(0);
    expect(await slugs({ q: word })).toEqual([]);
  });

  it("follows a claimant's rename and a change of claimant", async () => {
    const oldName = unique("Oldname");
    const newName = unique("Newname");
    const claim = await makeTestClaim(db, { claimantName: `Ministry ${oldName}` });
    const draft = await makeTestClaim(db, { claimantId: claim.claimant.id, published: false });
    expect(await slugs({ q: oldName })).toEqual([claim.slug]);
    await db.actor.update({ where: { id: claim.claimant.id }, data: { name: `Ministry ${newName}` } });
    expect(await slugs({ q: oldName })).toEqual([]);
    expect(await slugs({ q: newName })).toEqual([claim.slug]);
    expect(await indexed(draft.id)).toBe(0);

    const other = await db.actor.create({
      data: { slug: unique("actor-"), name: unique("Othername"), kind: "MEDIA" },
      select: { id: true, name: true },
    });
    await db.claim.update({ where: { id: claim.id }, data: { claimantId: other.id } });
    expect(await slugs({ q: newName })).toEqual([]);
    expect(await slugs({ q: other.name })).toEqual([claim.slug]);
  });
});

describe("ranked, filtered search", () => {
  it("ranks a match in the statement above one in the rationale; equal scores put the newer claim first", async () => {
    const word = unique("rank");
    const inRationale = await makeTestClaim(db, {
      status: "DISPUTED",
      statusRationale: `The ${word} figures could not be checked independently.`,
    });
    const inStatement = await makeTestClaim(db, { statement: `Officials reported ${word} casualties at the market` });
    const inStatementToo = await makeTestClaim(db, { statement: `Officials reported ${word} casualties at the depot` });
    expect(await slugs({ q: word })).toEqual([inStatementToo.slug, inStatement.slug, inRationale.slug]);
    // Another sort still searches, in that order.
    await db.claim.update({ where: { id: inRationale.id }, data: { claimedAt: new Date("2030-01-01T00:00:00Z") } });
    expect((await slugs({ q: word, sort: "newest" }))[0]).toBe(inRationale.slug);
    expect((await slugs({ q: word, sort: "oldest" })).at(-1)).toBe(inRationale.slug);
  });

  it("combines the words with every filter and pages through the results", async () => {
    const word = unique("combo");
    const base = await makeTestClaim(db, {
      statement: `${word} one`,
      status: "DISPUTED",
      category: "CASUALTIES",
      claimedAt: new Date("2026-03-10T12:00:00Z"),
    });
    const actor = base.claimant.slug;
    const same = { claimantId: base.claimant.id };
    const falseOne = await makeTestClaim(db, {
      ...same,
      statement: `${word} two`,
      status: "FALSE",
      category: "CASUALTIES",
      claimedAt: new Date("2026-04-10T12:00:00Z"),
    });
    const other = await makeTestClaim(db, {
      ...same,
      statement: `${word} three`,
      status: "DISPUTED",
      category: "OTHER",
      claimedAt: new Date("2026-05-10T12:00:00Z"),
    });
    const elsewhere = await makeTestClaim(db, {
      statement: `${word} four`,
      status: "DISPUTED",
      category: "CASUALTIES",
      claimedAt: new Date("2026-03-11T12:00:00Z"),
    });
    await makeTestClaim(db, { ...same, statement: `${word} draft`, published: false });

    const set = async (params: Record<string, string>) => (await slugs({ q: word, ...params })).sort();
    expect(await set({})).toEqual([base.slug, falseOne.slug, other.slug, elsewhere.slug].sort());
    expect(await set({ status: "DISPUTED" })).toEqual([base.slug, other.slug, elsewhere.slug].sort());
    expect(await set({ category: "CASUALTIES" })).toEqual([base.slug, falseOne.slug, elsewhere.slug].sort());
    expect(await set({ actor })).toEqual([base.slug, falseOne.slug, other.slug].sort());
    expect(await set({ actor: "no-such-actor" })).toEqual([]);
    expect(await set({ from: "2026-04-10" })).toEqual([falseOne.slug, other.slug].sort());
    expect(await set({ to: "2026-03-10" })).toEqual([base.slug]);
    expect(
      await set({ actor, status: "DISPUTED", category: "CASUALTIES", from: "2026-03-01", to: "2026-03-31" }),
    ).toEqual([base.slug]);

    const firstPage = await listPublishedClaims(db, { ...parseClaimFilters({ q: word }).filters }, 3);
    const secondPage = await listPublishedClaims(db, { ...parseClaimFilters({ q: word, page: "2" }).filters }, 3);
    expect(firstPage).toMatchObject({ total: 4, pageCount: 2 });
    expect(secondPage.claims).toHaveLength(1);
    expect(new Set([...firstPage.claims, ...secondPage.claims].map((c) => c.slug)).size).toBe(4);
    const pastEnd = await listPublishedClaims(db, parseClaimFilters({ q: word, page: "9" }).filters);
    expect(pastEnd).toMatchObject({ total: 4, claims: [] });

    expect(await listPublishedClaimIds(db, parseClaimFilters({ q: word, status: "DISPUTED" }).filters)).toHaveLength(3);

    // Filters with the other sorts (they join Claim for its dates) count and order the same set.
    const newest = await listPublishedClaims(
      db,
      parseClaimFilters({ q: word, status: "DISPUTED", sort: "newest" }).filters,
      2,
    );
    expect(newest).toMatchObject({ total: 3, pageCount: 2 });
    expect(newest.claims.map((c) => c.slug)).toEqual([other.slug, elsewhere.slug]);
    const filteredByRelevance = await listPublishedClaims(
      db,
      parseClaimFilters({ q: word, category: "CASUALTIES" }).filters,
      2,
    );
    expect(filteredByRelevance).toMatchObject({ total: 3, pageCount: 2 });
  });

  it("marks the matched words in the statement, the claimant and snippets of the longer texts", async () => {
    const word = unique("mark");
    const claim = await makeTestClaim(db, {
      statement: `Shelling hit ${word} village <b>overnight</b>`,
      originalText: `د ${word} کلي باندې ډزې وشوې`,
      originalLanguage: "ps",
      statusRationale: `Local reports mention ${word} but the figures differ.`,
      status: "DISPUTED",
    });
    const [entry] = (await list({ q: word })).claims;
    expect(entry?.slug).toBe(claim.slug);
    const match = entry?.match;
    expect(match?.statement).toEqual([
      { text: "Shelling hit ", hit: false },
      { text: word, hit: true },
      { text: " village <b>overnight</b>", hit: false },
    ]);
    expect(match?.originalText?.filter((s) => s.hit).map((s) => s.text)).toEqual([word]);
    expect(match?.statusRationale?.filter((s) => s.hit).map((s) => s.text)).toEqual([word]);
    expect(match?.claimantName).toBeNull();
    expect((await list({})).claims.every((c) => c.match === null)).toBe(true);
  });
});

describe("toSegments", () => {
  it("splits on the markers and drops stray ones", () => {
    expect(toSegments("a \uE000b\uE001 c")).toEqual([
      { text: "a ", hit: false },
      { text: "b", hit: true },
      { text: " c", hit: false },
    ]);
    expect(toSegments("\uE001x\uE000\uE000y")).toEqual([
      { text: "x", hit: false },
      { text: "y", hit: true },
    ]);
    expect(toSegments("")).toEqual([]);
  });
});

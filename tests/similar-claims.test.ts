import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import {
  COMMON_MATCHES,
  SIMILAR_LIMIT,
  listPossibleDuplicates,
  listSimilarClaims,
  listSimilarToClaim,
} from "@/lib/data/reads/similar-claims";
import { engineOf, type Db } from "@/lib/db/create-client";
import { significantTerms, toSimilarityQuery } from "@/lib/domain/similar-terms";
import { toTsQuery } from "@/lib/postgres/ts-query";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

// Made-up words that no other claim in this file holds, so each test sees only its own matches.
const word = () => Array.from(randomBytes(8), (b) => "bcdfghjklmnpqrstvwxz"[b % 20]).join("");
const words = (n: number) => Array.from({ length: n }, word);
const slugsOf = (claims: { slug: string }[]) => claims.map((c) => c.slug);

const HOSTILE = [
  "",
  "   ",
  '"',
  "*",
  "NEAR(a b)",
  "a AND OR NOT",
  "{statement originalText}: army",
  "statement:army col:x ^x",
  "'; DROP TABLE Claim; --",
  "😀🔥",
  "?!…",
  "د په کې",
  "د پاکستان پوځ وايي چې د ټي ټي پي پټنځايونه یې ویشتلي",
  "طالبان نے پاکستانی الزامات کی تردید کی",
  "\u0000\u200f\u200e",
  "x".repeat(5000),
  Array.from({ length: 300 }, (_, i) => `word${i}`).join(" "),
];

describe("similar claims for readers", () => {
  it("lists published claims sharing enough words, most shared first, never the claim itself or a draft", async () => {
    const [a, b, c, d, e, f] = words(6);
    const base = await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} ${e} ${f}` });
    const two = await makeTestClaim(db, { statement: `Officials mention ${a} and ${b}` });
    const four = await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} once more` });
    const three = await makeTestClaim(db, { statement: `${c} ${d} ${e} elsewhere` });
    await makeTestClaim(db, { statement: `Only ${a} here` });
    await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} ${e} draft`, published: false });

    expect(slugsOf(await listSimilarToClaim(db, base.slug))).toEqual([four.slug, three.slug, two.slug]);
    expect(slugsOf(await listSimilarClaims(db, base.statement, { excludeId: base.id }))).toEqual([
      four.slug,
      three.slug,
      two.slug,
    ]);
    // Without excludeId the claim is its own best match.
    expect(slugsOf(await listSimilarClaims(db, base.statement))[0]).toBe(base.slug);
    expect(await listSimilarToClaim(db, "no-such-claim")).toEqual([]);
  });

  it("leaves out claims already linked to the claim, either way: the page lists them under its links", async () => {
    const [a, b, c, d] = words(4);
    const denial = await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} denied` });
    const base = await makeTestClaim(db, {
      statement: `${a} ${b} ${c} ${d}`,
      links: [{ toId: denial.id, type: "CONTRADICTS" }],
    });
    const repeat = await makeTestClaim(db, {
      statement: `${a} ${b} ${c} ${d} repeated`,
      links: [{ toId: base.id, type: "CORROBORATES" }],
    });
    const unlinked = await makeTestClaim(db, { statement: `${a} ${b} ${c} elsewhere` });

    expect(slugsOf(await listSimilarToClaim(db, base.slug))).toEqual([unlinked.slug]);
    // From the denial's page the base claim is linked (incoming) and the repeat is not.
    expect(slugsOf(await listSimilarToClaim(db, denial.slug)).sort()).toEqual([repeat.slug, unlinked.slug].sort());
  });

  it("returns what a list item shows", async () => {
    const [a, b, c] = words(3);
    const claim = await makeTestClaim(db, {
      statement: `${a} ${b} ${c}`,
      status: "DISPUTED",
      claimantName: `Ministry ${word()}`,
    });
    const [similar] = await listSimilarClaims(db, `${a} ${b} ${c} again`);
    expect(similar).toMatchObject({
      slug: claim.slug,
      statement: claim.statement,
      status: "DISPUTED",
      claimant: { name: claim.claimant.name },
    });
    expect(similar?.claimedAt).toBeInstanceOf(Date);
  });

  it("matches word forms and the original wording, not the rationale or the claimant", async () => {
    const [place, group] = words(2);
    const base = await makeTestClaim(db, { statement: `Shelling killed ${group} villagers near ${place}` });
    const forms = await makeTestClaim(db, { statement: `The killing of ${group} villager disputed` });
    const original = await makeTestClaim(db, {
      statement: `Unrelated ${word()}`,
      originalText: `په ${place} کې د ${group} ډزې`,
      originalLanguage: "ps",
    });
    await makeTestClaim(db, {
      statement: `Unrelated ${word()}`,
      status: "DISPUTED",
      statusRationale: `Reports from ${place} about ${group} disagree.`,
    });
    await makeTestClaim(db, { statement: `Unrelated ${word()} ${place}`, claimantName: `${group} council` });

    expect(slugsOf(await listSimilarToClaim(db, base.slug)).sort()).toEqual([forms.slug, original.slug].sort());
  });

  it("matches Pashto and Urdu statements word for word", async () => {
    const [a, b] = words(2);
    const ps = await makeTestClaim(db, { statement: `په میرانشاه کې ${a} برید ${b}` });
    const ur = await makeTestClaim(db, { statement: `میرانشاه ${a} ${b} حملہ` });
    expect(slugsOf(await listSimilarToClaim(db, ps.slug))).toEqual([ur.slug]);
  });

  it(`shows at most ${SIMILAR_LIMIT}`, async () => {
    const [a, b, c] = words(3);
    const base = await makeTestClaim(db, { statement: `${a} ${b} ${c}` });
    for (let i = 0; i < SIMILAR_LIMIT + 2; i++) await makeTestClaim(db, { statement: `${a} ${b} copy ${i}` });
    expect(await listSimilarToClaim(db, base.slug)).toHaveLength(SIMILAR_LIMIT);
    expect(await listSimilarClaims(db, base.statement, { excludeId: base.id, limit: 2 })).toHaveLength(2);
  });

  it("follows publishing, unpublishing and edits", async () => {
    const [a, b, c] = words(3);
    const base = await makeTestClaim(db, { statement: `${a} ${b} ${c}` });
    const other = await makeTestClaim(db, { statement: `${a} ${b} too` });
    expect(slugsOf(await listSimilarToClaim(db, base.slug))).toEqual([other.slug]);
    await db.claim.update({ where: { id: other.id }, data: { publishedAt: null } });
    expect(await listSimilarToClaim(db, base.slug)).toEqual([]);
    await db.claim.update({ where: { id: other.id }, data: { publishedAt: new Date() } });
    expect(slugsOf(await listSimilarToClaim(db, base.slug))).toEqual([other.slug]);
    await db.claim.update({ where: { id: other.id }, data: { statement: `Now about ${word()} ${word()}` } });
    expect(await listSimilarToClaim(db, base.slug)).toEqual([]);
  });

  it("never fails on odd text, and FTS5 accepts every expression it builds", async () => {
    await makeTestClaim(db, {
      statement: "Army struck a depot near the crossing",
      originalText: "طالبان نے پاکستانی الزامات کی تردید کی",
    });
    for (const text of HOSTILE) {
      await expect(listSimilarClaims(db, text), JSON.stringify(text.slice(0, 40))).resolves.toBeInstanceOf(Array);
      await expect(listPossibleDuplicates(db, text), JSON.stringify(text.slice(0, 40))).resolves.toBeInstanceOf(Array);
      const expression = toSimilarityQuery(significantTerms(text));
      // Straight to FTS5 (PostgreSQL: to_tsquery), past the data layer's safety net, so a bad expression fails here.
      if (expression)
        await expect(
          engineOf(db) === "postgresql"
            ? db.$queryRaw`SELECT COUNT(*) AS n FROM "Claim" WHERE "search" @@ to_tsquery('claimwatch', ${toTsQuery(expression)})`
            : db.$queryRaw`SELECT COUNT(*) AS n FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${expression}`,
        ).resolves.toBeDefined();
    }
    expect(slugsOf(await listSimilarClaims(db, "طالبان پاکستانی الزامات")).length).toBeGreaterThan(0);
  });
});

describe("common words", () => {
  it("count as shared but find nothing while rarer words can; common words alone find the newest claims holding all", async () => {
    const [common, alsoCommon, rare] = words(3);
    const { claimant } = await makeTestClaim(db, { statement: `Claimant of ${word()}` });
    // Both words are in more claims than COMMON_MATCHES.
    const filler = Array.from({ length: COMMON_MATCHES + 2 }, (_, i) => ({
      slug: `filler-${common}-${i}`,
      statement: `${common} ${alsoCommon} filler ${i}`,
      category: "OTHER" as const,
      claimantId: claimant.id,
      claimedAt: new Date("2026-01-01T00:00:00Z"),
      publishedAt: new Date(),
    }));
    await db.claim.createMany({ data: filler });
    const withRare = await makeTestClaim(db, { statement: `${common} ${rare} here` });

    // The filler claims share two of the three words too, but only the rare word is looked up.
    expect(slugsOf(await listSimilarClaims(db, `${common} ${alsoCommon} ${rare}`))).toEqual([withRare.slug]);
    // Only common words: the newest claims holding both.
    expect(slugsOf(await listSimilarClaims(db, `${common} ${alsoCommon}`))).toEqual(
      Array.from({ length: SIMILAR_LIMIT }, (_, i) => `filler-${common}-${COMMON_MATCHES + 1 - i}`),
    );
  });
});

describe("possible duplicates for editors", () => {
  it("include drafts, marked as such, most shared words first and published first among equals", async () => {
    const [a, b, c, d, e, f] = words(6);
    const statement = `${a} ${b} ${c} ${d} ${e} ${f}`;
    const published = await makeTestClaim(db, { statement: `${a} ${b} ${c} published`, status: "FALSE" });
    const draft = await makeTestClaim(db, { statement: `${a} ${b} ${c} ${d} draft`, published: false });
    const sameAsPublished = await makeTestClaim(db, { statement: `${d} ${e} ${f} draft too`, published: false });
    await makeTestClaim(db, { statement: `${a} alone`, published: false });

    const found = await listPossibleDuplicates(db, statement);
    expect(found.map((c) => [c.slug, c.published])).toEqual([
      [draft.slug, false],
      [published.slug, true],
      [sameAsPublished.slug, false],
    ]);
    expect(found[1]).toMatchObject({
      id: published.id,
      statement: published.statement,
      status: "FALSE",
      kind: "FACT",
      claimant: expect.any(String),
    });
    expect(found[1]?.claimedAt).toBeInstanceOf(Date);
  });

  it("leave out the claim being edited, published or draft", async () => {
    const [a, b, c] = words(3);
    const draft = await makeTestClaim(db, { statement: `${a} ${b} ${c}`, published: false });
    const published = await makeTestClaim(db, { statement: `${a} ${b} ${c} again` });
    expect((await listPossibleDuplicates(db, draft.statement, { excludeId: draft.id })).map((c) => c.id)).toEqual([
      published.id,
    ]);
    expect((await listPossibleDuplicates(db, draft.statement, { excludeId: published.id })).map((c) => c.id)).toEqual([
      draft.id,
    ]);
  });

  it("find nothing for a statement that shares too little", async () => {
    const [a, b, c, d] = words(4);
    await makeTestClaim(db, { statement: `${a} something else` });
    await makeTestClaim(db, { statement: `${a} in a draft`, published: false });
    expect(await listPossibleDuplicates(db, `${a} ${b} ${c} ${d}`)).toEqual([]);
  });
});

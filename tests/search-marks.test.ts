import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim } from "@/test-support/builders";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import type { Db } from "@/lib/db/create-client";
import { joinPhraseMarks, phraseLinks } from "@/lib/postgres/phrase-marks";
import { toFtsQuery } from "@/lib/sqlite/fts-query";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { createTestDb } from "./helpers/test-db";

// Readers see the same marks for the same query on either engine (FTS5's highlight() and snippet() on SQLite,
// ts_headline and lib/postgres/phrase-marks.ts on PostgreSQL): one mark per phrase match, one per lone word.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const suffix = () => Math.random().toString(36).slice(2, 9);
const marks = (segments: { text: string; hit: boolean }[] | null | undefined) =>
  (segments ?? []).filter((s) => s.hit).map((s) => s.text);

describe("search marks on this engine", () => {
  it("a hyphenated word (a phrase of two words) is one mark, in the statement and in the snippets", async () => {
    const word = `quokka-${suffix()}`;
    await makeTestClaim(db, {
      statement: `Shelling near the ${word} crossing`,
      originalText: `د ${word} په لاره کې ډزې`,
      originalLanguage: "ps",
      status: "DISPUTED",
      statusRationale: `Local reports about ${word} disagree on the numbers.`,
    });
    const [entry] = (await listPublishedClaims(db, parseClaimFilters({ q: word }).filters)).claims;
    expect(marks(entry?.match?.statement)).toEqual([word]);
    expect(marks(entry?.match?.originalText)).toEqual([word]);
    expect(marks(entry?.match?.statusRationale)).toEqual([word]);
  });

  it("finds and marks hyphenated words whose part reads as a number to PostgreSQL's parser", async () => {
    for (const word of [`marmot-${Date.now() % 100000000}`, `zebra-9e04${suffix().slice(0, 4)}`]) {
      await makeTestClaim(db, { statement: `Alpha ${word} strike` });
      const { claims } = await listPublishedClaims(db, parseClaimFilters({ q: word }).filters);
      expect(
        claims.map((c) => c.statement),
        word,
      ).toEqual([`Alpha ${word} strike`]);
      expect(marks(claims[0]?.match?.statement), word).toEqual([word]);
    }
  });

  it("a prefix marks the whole word; words that only stand side by side stay two marks", async () => {
    const word = `numbat${suffix()}`;
    await makeTestClaim(db, { statement: `Convoy ${word} stopped at the border` });
    const [entry] = (await listPublishedClaims(db, parseClaimFilters({ q: `${word} con` }).filters)).claims;
    expect(marks(entry?.match?.statement)).toEqual(["Convoy", word]);
  });
});

describe("joinPhraseMarks", () => {
  const seg = (text: string, hit = false) => ({ text, hit });

  it("joins the words of one phrase across punctuation, and no others", () => {
    const links = phraseLinks(toFtsQuery("quokka-1a2b convoy")!);
    expect(links).toEqual([{ first: "quokka", second: "1a2b", prefix: true }]);
    expect(
      joinPhraseMarks(
        [seg("the "), seg("Quokka", true), seg("-"), seg("1A2B", true), seg(" "), seg("convoy", true)],
        links,
      ),
    ).toEqual([seg("the "), seg("Quokka-1A2B", true), seg(" "), seg("convoy", true)]);
    // Side by side but not one phrase of the query: two marks, as FTS5 makes them.
    expect(joinPhraseMarks([seg("1a2b", true), seg(" "), seg("convoy", true)], links)).toEqual([
      seg("1a2b", true),
      seg(" "),
      seg("convoy", true),
    ]);
  });

  it("takes the last word of a phrase as a prefix only when the query made it one", () => {
    const exact = phraseLinks(toFtsQuery('"border strikes"')!);
    expect(exact).toEqual([{ first: "border", second: "strikes", prefix: false }]);
    expect(joinPhraseMarks([seg("border", true), seg(" "), seg("strikesx", true)], exact)).toHaveLength(3);
    const prefixed = phraseLinks(toFtsQuery("border-stri")!);
    expect(joinPhraseMarks([seg("border", true), seg(" "), seg("strikes", true)], prefixed)).toEqual([
      seg("border strikes", true),
    ]);
  });
});

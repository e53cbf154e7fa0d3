import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim } from "@/test-support/builders";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, bytes, claimRecord, everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";

// Every bad input the issue lists: each gives a report that says where (line and field) and what, lists every
// problem rather than the first, and leaves every table exactly as it was.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let before: Record<string, number>;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  // Something to leave untouched, a claim to link to and a claimant for CSV rows.
  await makeTestClaim(db, { slug: "existing-claim", status: "DISPUTED" });
  await db.actor.create({ data: { slug: "existing-claimant", name: "Existing claimant", kind: "NGO" } });
});
afterAll(async () => cleanup());
beforeEach(async () => {
  before = await everyTableCount(db);
});

/** Imports `data` expecting a refusal; returns the problems after checking that nothing at all was written. */
async function refused(data: Uint8Array, fileName = "bad.json", maxBytes?: number): Promise<string[]> {
  const report = await runImport({ db, url }, data, { fileName, ...(maxBytes ? { maxBytes } : {}) });
  expect(report.ok).toBe(false);
  expect(await everyTableCount(db)).toEqual(before);
  return problems(report);
}

const CSV_HEADER =
  "slug,statement,originalText,originalLanguage,category,kind,claimant,claimedAt,location,status,statusRationale,published";

describe("the file itself", () => {
  it("malformed JSON: the line and column where it breaks", async () => {
    expect(await refused(bytes('{"format":"claimwatch-export","version":1,\n"claims":[\n{"slug": "a",}\n]}'))).toEqual([
      "line 3: Malformed JSON at column 14: expected a property name in double quotes (is there a comma too many?), found “}”.",
    ]);
  });

  it("not an export file, or a newer version of the format", async () => {
    expect(await refused(bytes('{"format":"something-else","version":2,"extra":[]}'))).toEqual([
      'format: must be "claimwatch-export" (this is not a Claimwatch export file).',
      "version: this file is format version 2; this Claimwatch reads version 1. Update Claimwatch, or export the data again from the same version.",
      "Unknown top-level keys: extra. A file has format, version, actors, incidents, sources, claims.",
    ]);
    expect(await refused(bytes("[1, 2, 3]"))).toEqual([expect.stringContaining("must be one JSON object")]);
  });

  it("over the size limit: refused by its size before it is read", async () => {
    expect(await refused(jsonFile({ claims: [] }), "big.json", 64)).toEqual([
      expect.stringMatching(/^The file is \d+ bytes, over the limit of 64 bytes\. Nothing was read or written/),
    ]);
  });

  it("wrong encoding: a Latin-1 CSV", async () => {
    const latin1 = new Uint8Array([
      ...bytes(`${CSV_HEADER}\nx,Caf`),
      0xe9,
      ...bytes(",,,OTHER,FACT,a,2026-11-20,,,,false\n"),
    ]);
    expect(await refused(latin1, "latin1.csv")).toEqual([
      expect.stringContaining("The file is not valid UTF-8 (line 2, byte"),
    ]);
  });

  it("CSV with missing columns lists them all", async () => {
    expect(await refused(bytes("slug,statement,category\nx,y,OTHER\n"), "short.csv")).toEqual([
      "line 1: Missing columns: originalText, originalLanguage, kind, claimedAt, location, claimant, status, statusRationale, published. The header needs slug, statement, originalText, originalLanguage, category, kind, claimedAt, location, claimant, status, statusRationale, published.",
    ]);
  });

  it("CSV with unknown columns lists them all (deliberately: nothing is dropped silently)", async () => {
    expect(await refused(bytes(`${CSV_HEADER},sources,Notes\n`), "extra.csv")).toEqual([
      expect.stringMatching(
        /^line 1: Unknown columns: sources, Notes\. Only slug, .* are read; remove the others so nothing is silently dropped\. Sources, figures, links and status history are imported from JSON only\.$/,
      ),
    ]);
  });

  it("malformed CSV: an unclosed quote, with its line", async () => {
    expect(await refused(bytes(`${CSV_HEADER}\nx,"never closed,,,OTHER\n`), "open.csv")).toEqual([
      'line 2: Malformed CSV: A quoted field is never closed: a " is missing before the end of the file.',
    ]);
  });
});

describe("records", () => {
  it("duplicate slugs inside one file: an error naming both lines", async () => {
    const file = jsonFile({
      actors: [actorRecord("dup-actor")],
      claims: [
        claimRecord("dup-claim", "dup-actor"),
        claimRecord("other", "dup-actor"),
        claimRecord("dup-claim", "dup-actor"),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 10, claims[2].slug: the claim slug “dup-claim” is used twice in this file: claims[0] (line 8) and claims[2] (line 10).",
    ]);
  });

  it("a duplicate slug is reported in the same pass even when the other record has errors of its own", async () => {
    const file = jsonFile({
      actors: [actorRecord("dup2-actor")],
      claims: [claimRecord("dup2-claim", "dup2-actor", { category: "NOPE" }), claimRecord("dup2-claim", "dup2-actor")],
    });
    const found = await refused(file);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^line 8, claims\[0\]\.category: /);
    expect(found[1]).toBe(
      "line 9, claims[1].slug: the claim slug “dup2-claim” is used twice in this file: here and by a record with errors listed above.",
    );
  });

  it("duplicate claim slugs in a CSV, by line", async () => {
    const row = (slug: string) => `${slug},A statement.,,,OTHER,FACT,existing-claimant,2026-11-20,,,,false`;
    expect(
      await refused(bytes(`${CSV_HEADER}\n${row("a-csv")}\n${row("b-csv")}\n${row("a-csv")}\n`), "dup.csv"),
    ).toEqual(["line 4, slug: the claim slug “a-csv” is used twice in this file: line 2 and line 4."]);
  });

  it("links to claims that exist neither in the file nor in the database", async () => {
    const file = jsonFile({
      actors: [actorRecord("link-actor")],
      claims: [
        claimRecord("link-from", "link-actor", {
          links: [
            { to: "existing-claim", type: "DENIES" },
            { to: "no-such-claim", type: "CONTRADICTS" },
          ],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 8, claims[0].links[1].to: no claim “no-such-claim” in this file or in the database.",
    ]);
  });

  it("a self-link and the same link twice", async () => {
    const file = jsonFile({
      actors: [actorRecord("self-actor")],
      claims: [
        claimRecord("self", "self-actor", {
          links: [
            { to: "self", type: "DENIES" },
            { to: "existing-claim", type: "QUALIFIES" },
            { to: "existing-claim", type: "QUALIFIES" },
          ],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 8, claims[0].links[0].to: a claim cannot be linked to itself.",
      "line 8, claims[0].links[2]: the link QUALIFIES to “existing-claim” is listed twice.",
    ]);
  });

  it("a casualty figure with neither a source nor a reason, or too short a reason, at its field", async () => {
    const file = jsonFile({
      actors: [actorRecord("nosrc-actor")],
      claims: [
        claimRecord("nosrc", "nosrc-actor", {
          figures: [
            { reportedBy: "nosrc-actor", population: "CIVILIANS", outcome: "KILLED", min: 1, max: 2 },
            {
              reportedBy: "nosrc-actor",
              population: "CIVILIANS",
              outcome: "KILLED",
              min: 3,
              max: 3,
              noSourceReason: "phone",
            },
          ],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 8, claims[0].figures[0].source: Choose the source that gives this figure (one of the claim's sources), or say below why none can be named.",
      "line 8, claims[0].figures[1].noSourceReason: Say why no source can be named in at least 10 characters.",
    ]);
  });

  it("min > max in a casualty figure, with the figure form's own message", async () => {
    const file = jsonFile({
      actors: [actorRecord("fig-actor")],
      claims: [
        claimRecord("fig", "fig-actor", {
          figures: [
            {
              reportedBy: "fig-actor",
              population: "CIVILIANS",
              outcome: "KILLED",
              min: 1,
              max: 2,
              noSourceReason: "Read out at a press briefing; no transcript.",
            },
            {
              reportedBy: "fig-actor",
              population: "CIVILIANS",
              outcome: "KILLED",
              min: 40,
              max: 12,
              noSourceReason: "Read out at a press briefing; no transcript.",
            },
          ],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 8, claims[0].figures[1].max: The highest figure cannot be below the lowest (40). For a single number, enter it in both.",
    ]);
  });

  it("a javascript: URL, and every other problem of the same file with it", async () => {
    const file = jsonFile({
      actors: [actorRecord("url-actor", { sameAs: "javascript:alert(1)" })],
      sources: [
        { key: "s", url: "javascript:alert(document.cookie)", title: "Click me", type: "OTHER", protected: false },
      ],
      claims: [
        claimRecord("url-claim", "url-actor", {
          statement: "",
          category: "NOT_A_CATEGORY",
          claimedAt: "2026-02-30",
          status: "CONFIRMED",
          statusRationale: "Too short.",
          sources: [{ source: "s", stance: "SUPPORTS" }],
          extra: "field",
        }),
        claimRecord("positions-are-not-rated", "nobody-by-this-slug", {
          kind: "POSITION",
          status: "FALSE",
          statusRationale: "Independent evidence contradicts this position.",
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 3, actors[0].sameAs: The reference link must be a full web address starting with https:// or http://.",
      "line 7, sources[0].url: The address must be a full web address starting with https:// or http://.",
      "line 10, claims[0].statement: The statement is required.",
      "line 10, claims[0].category: Choose a category.",
      "line 10, claims[0].claimedAt: Date claimed: enter a real date as YYYY-MM-DD.",
      'line 10, claims[0]: Unrecognized key: "extra"',
      "line 11, claims[1].status: This claim is a position — a stance, not a checkable fact. Positions are not rated: they keep the status Unverified and are labelled “Position — not rated”.",
      "line 11, claims[1].claimant: no actor “nobody-by-this-slug” in this file's actors or in the database.",
      "line 11, claims[1].status: a final verdict (False) needs at least one source, and this claim has none. Give its sources.",
    ]);
  });

  it("a URL with a bidi control and text with a NUL byte, at their fields (nothing is stored to reach a CSV)", async () => {
    const file = jsonFile({
      sources: [
        { key: "b", url: "https://example.org/\u202Etxt.exe", title: "Bidi", type: "OTHER", protected: false },
        { key: "n", title: "Nul\u0000title", type: "OTHER", protected: false },
      ],
    });
    expect(await refused(file)).toEqual([
      "line 5, sources[0].url: The address contains invisible direction-changing characters (Unicode bidi controls); type it again.",
      "line 6, sources[1].title: The title contains a control character (such as NUL) that cannot be stored; remove it.",
    ]);
  });

  it("a protected source without a reason, with the source form's message", async () => {
    const file = jsonFile({ sources: [{ key: "p", title: "Stringer", type: "OTHER", protected: true }] });
    expect(await refused(file)).toEqual([
      "line 5, sources[0].protectedReason: Say why this source must be protected: readers see the reason instead of the source.",
    ]);
  });

  it("the status rules: a final verdict needs a long rationale and a source, and the history must lead to the status", async () => {
    const file = jsonFile({
      actors: [actorRecord("rule-actor")],
      claims: [
        claimRecord("rule-claim", "rule-actor", {
          status: "FALSE",
          statusRationale: "Too short.",
          sources: [],
          statusHistory: [{ from: "IN_REVIEW", to: "FALSE", rationale: "Too short too." }],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 8, claims[0].statusHistory[0].rationale: A final verdict (False) needs a rationale of at least 20 characters; this one has 14.",
    ]);
    const fixedHistory = jsonFile({
      actors: [actorRecord("rule-actor")],
      claims: [
        claimRecord("rule-claim", "rule-actor", {
          status: "FALSE",
          statusRationale: "Too short.",
          sources: [],
          statusHistory: [
            { from: "IN_REVIEW", to: "CONFIRMED", rationale: "Independent imagery confirms the strike." },
          ],
        }),
      ],
    });
    expect(await refused(fixedHistory)).toEqual([
      "line 8, claims[0].statusRationale: A final verdict (False) needs a rationale of at least 20 characters; this one has 10.",
      "line 8, claims[0].sources: Link at least one source to this claim before giving it a final verdict (False).",
      "line 8, claims[0].statusHistory[0].from: each change starts where the previous one ended: expected UNVERIFIED, found IN_REVIEW.",
      "line 8, claims[0].statusHistory: the history ends at CONFIRMED, but the claim's status is FALSE: add the change that led to it.",
    ]);
  });

  it("sources: unknown keys, derivation loops, a figure citing a source the claim does not list", async () => {
    const file = jsonFile({
      actors: [actorRecord("src-actor")],
      sources: [
        { key: "a", title: "A", type: "OTHER", protected: false, derivedFrom: "b" },
        { key: "b", title: "B", type: "OTHER", protected: false, derivedFrom: "a" },
        { key: "c", title: "C", type: "OTHER", protected: false, derivedFrom: "missing" },
      ],
      claims: [
        claimRecord("src-claim", "src-actor", {
          sources: [
            { source: "a", stance: "SUPPORTS" },
            { source: "nope", stance: "SUPPORTS" },
          ],
          figures: [
            { reportedBy: "src-actor", source: "c", population: "CIVILIANS", outcome: "INJURED", min: 3, max: 3 },
          ],
        }),
      ],
    });
    expect(await refused(file)).toEqual([
      "line 7, sources[0].derivedFrom: sources repeat each other in a loop (a → b → a).",
      "line 8, sources[1].derivedFrom: sources repeat each other in a loop (b → a → b).",
      "line 9, sources[2].derivedFrom: no source with the key “missing” in this file's sources.",
      "line 12, claims[0].sources[1].source: no source with the key “nope” in this file's sources.",
      "line 12, claims[0].figures[0].source: a figure cites one of the claim's own sources: add “c” to this claim's sources.",
    ]);
  });

  it("a record that is invalid is not reported again as missing where others refer to it", async () => {
    const file = jsonFile({
      actors: [actorRecord("broken-actor", { kind: "ALIEN" })],
      claims: [claimRecord("refers", "broken-actor")],
    });
    expect(await refused(file)).toEqual(["line 3, actors[0].kind: Choose what kind of actor this is."]);
  });
});

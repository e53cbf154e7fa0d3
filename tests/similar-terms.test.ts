import { describe, expect, it } from "vitest";
import {
  MAX_TERMS,
  requiredShared,
  sharedTermCount,
  significantTerms,
  toSimilarityQuery,
} from "@/lib/domain/similar-terms";

/** Each term by its first form, "+" when it stands for more forms. */
const terms = (text: string) => significantTerms(text).map((t) => `${t.forms[0]}${t.forms.length > 1 ? "+" : ""}`);

describe("significantTerms", () => {
  it("keeps the significant words: no stop words, nothing under three characters", () => {
    expect(terms("The army says 12 civilians were killed in a drone strike near Miranshah")).toEqual([
      "army+",
      "civilian+",
      "kill+",
      "dron+",
      "strik+",
      "miranshah+",
    ]);
  });

  it("lets an English word stand for its forms", () => {
    const [kill, strike, casualty, house, process] = significantTerms("killed strikes casualties housing process");
    expect(kill?.forms).toEqual(["kill", "kills", "killes", "killed", "killing", "kille"]);
    expect(strike?.forms).toEqual(expect.arrayContaining(["strike", "strikes", "striking"]));
    expect(casualty?.forms).toEqual(["casualty", "casualties", "casualtied"]);
    expect(house?.forms).toEqual(expect.arrayContaining(["house", "houses", "housing"]));
    // A double s is no plural.
    expect(process?.forms).toEqual(expect.arrayContaining(["process", "processes", "processed"]));
    expect(significantTerms("army armies")).toEqual([{ forms: ["army", "armies", "armied"] }]);
    expect(significantTerms("denied deny")).toEqual([{ forms: ["deny", "denies", "denied"] }]);
    expect(significantTerms("aid")[0]?.forms).toEqual(["aid", "aids", "aides", "aided", "aiding", "aide"]);
    expect(significantTerms("2026 ttp")[0]?.forms).toEqual(["2026"]);
  });

  it("folds case and Latin accents like the index, and counts one word once", () => {
    expect(terms("Crème CREME killed killing kills Killed strike striking")).toEqual(["crem+", "kill+", "strik+"]);
  });

  it("keeps other scripts and numbers whole, as written", () => {
    expect(terms("په میرانشاه کې د ډرون برید وشو")).toEqual(["میرانشاه", "ډرون", "برید", "وشو"]);
    expect(terms("طالبان نے پاکستانی الزامات کی تردید کی اور کہا")).toEqual(["طالبان", "پاکستانی", "الزامات", "تردید"]);
    expect(terms("F16 jets, 2026 and 300 dead, 12 hurt")).toEqual(["f16", "jet+", "2026", "300", "dead+", "hurt+"]);
  });

  it(`keeps at most ${MAX_TERMS} words, the first ones`, () => {
    const words = Array.from(
      { length: 40 },
      (_, i) => `wor${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}k`,
    );
    expect(significantTerms(words.join(" ")).map((t) => t.forms[0])).toEqual(words.slice(0, MAX_TERMS));
  });

  it("finds nothing in text with no significant words", () => {
    for (const text of ["", "   ", "?!…", "😀🔥", "a an of to is", "the and but", "د په کې", '"*^()', "12 34"]) {
      expect(significantTerms(text), JSON.stringify(text)).toEqual([]);
      expect(toSimilarityQuery(significantTerms(text))).toBeNull();
    }
  });
});

describe("toSimilarityQuery", () => {
  it("ORs (or ANDs) the quoted forms, in the statement and original wording only", () => {
    const [year, place] = significantTerms("2026 in میرانشاه");
    expect(toSimilarityQuery([year!, place!])).toBe('{statement originalText} : ("2026" OR "میرانشاه")');
    expect(toSimilarityQuery([year!, place!], "all")).toBe('{statement originalText} : (("2026") AND ("میرانشاه"))');
    const [kill] = significantTerms("killed");
    expect(toSimilarityQuery([kill!, year!], "all")).toBe(
      '{statement originalText} : (("kill" OR "kills" OR "killes" OR "killed" OR "killing" OR "kille") AND ("2026"))',
    );
  });

  it("passes no FTS5 syntax through", () => {
    const text = 'NEAR("army" depot) statement:army col:x ^drone "quoted AND NOT OR * {x} -dash \u0000 پاک';
    for (const join of ["any", "all"] as const) {
      const expression = toSimilarityQuery(significantTerms(text), join) ?? "";
      const inner = /^\{statement originalText\} : \((.*)\)$/.exec(expression)?.[1] ?? "";
      const phrases = inner.split(/ OR | AND /).map((p) => p.replace(/^\(|\)$/g, ""));
      for (const phrase of phrases) expect(phrase).toMatch(/^"[\p{L}\p{N}\p{M}\p{Co}]+"$/u);
      expect(phrases).toEqual(
        expect.arrayContaining(['"army"', '"depot"', '"col"', '"drone"', '"quoted"', '"dash"', '"پاک"']),
      );
      expect(phrases).not.toContain('"near"');
    }
  });
});

describe("sharedTermCount and requiredShared", () => {
  it("counts the terms a text holds, word forms included", () => {
    const statementTerms = significantTerms("Army says drone strike killed civilians in Miranshah");
    expect(sharedTermCount(statementTerms, "Civilians killing reported after drone strikes")).toBe(4);
    expect(sharedTermCount(statementTerms, "ARMY")).toBe(1);
    expect(sharedTermCount(statementTerms, "armed forces")).toBe(0);
    expect(sharedTermCount(statementTerms, "")).toBe(0);
    expect(sharedTermCount(significantTerms("میرانشاه برید"), "په میرانشاه کې")).toBe(1);
  });

  it("asks for a third of the terms, at least two, at most all", () => {
    expect([0, 1, 2, 3, 6, 7, 9, 12].map(requiredShared)).toEqual([0, 1, 2, 2, 2, 3, 3, 4]);
  });
});

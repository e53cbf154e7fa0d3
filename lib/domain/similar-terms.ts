import { WORD } from "@/lib/sqlite/fts-query";
import { STOP_WORDS, foldWord } from "@/lib/domain/stop-words";

// What makes two claims alike: the significant words of a statement (no stop words, 3+ characters, at most
// MAX_TERMS), each a term the search index can look up. Client-safe: the editor's form counts terms to decide when
// to ask for duplicates, and the server builds its FTS5 expressions and checks candidates with the same terms.
//
// The index's unicode61 tokenizer has no stemming, so an English word stands for a few of its forms: "killed" also
// finds "kill", "kills" and "killing". They are listed as whole words, not as a prefix ("kill"*): FTS5 builds the
// full list of matches of a prefix before it can stop, which costs milliseconds per common word at 100,000 claims,
// while a list of whole words is read lazily. Other scripts and numbers match as written.

export const MIN_TERM_LENGTH = 3;
/** More words only slow the query down: a statement is one sentence, and the first words carry its subject. */
export const MAX_TERMS = 12;

export type Term = {
  /** The word's forms as the index holds them: word characters only, so each can be quoted as is. */
  forms: string[];
};

/** A stem keeps at least this much: "jets" → jet, "army" → army/armies, but "bus" stays whole. */
const MIN_STEM = 3;
// The forms an English stem stands for: regular ("strike", "strikes", "striking") or with a y ("casualty", "casualties").
const REGULAR = ["", "s", "es", "ed", "ing", "e"];
const Y_FORMS = ["y", "ies", "ied"];
const ENDINGS: [string, string[]][] = [
  ["ies", Y_FORMS],
  ["ied", Y_FORMS],
  ["ing", REGULAR],
  ["ed", REGULAR],
  ["es", REGULAR],
  ["s", REGULAR],
  ["y", Y_FORMS],
  ["e", REGULAR],
];

function englishForms(word: string): string[] {
  for (const [ending, family] of ENDINGS) {
    if (!word.endsWith(ending) || (ending.endsWith("s") && word.endsWith("ss"))) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length >= MIN_STEM) return family.map((suffix) => stem + suffix);
  }
  return REGULAR.map((suffix) => word + suffix);
}

function toTerm(word: string): Term | null {
  const folded = foldWord(word);
  if (STOP_WORDS.has(folded)) return null;
  if (/^[a-z]+$/.test(folded)) return folded.length >= MIN_TERM_LENGTH ? { forms: englishForms(folded) } : null;
  // Not plain English: the word as written (the index keeps Arabic-script and Devanagari marks), in lower case.
  return [...folded].length >= MIN_TERM_LENGTH ? { forms: [word.normalize("NFC").toLowerCase()] } : null;
}

/** The distinct significant words of a text, in the order they first appear. */
export function significantTerms(text: string): Term[] {
  const terms = new Map<string, Term>();
  for (const [word] of text.normalize("NFC").matchAll(WORD)) {
    const term = toTerm(word);
    if (term) terms.set(term.forms[0]!, term);
    if (terms.size >= MAX_TERMS) break;
  }
  return [...terms.values()];
}

const phrases = (term: Term) => term.forms.map((form) => `"${form}"`).join(" OR ");

/**
 * An FTS5 expression that finds claims holding any (or all) of the terms in their statement or original wording,
 * not the rationale or claimant: similar claims are about what is claimed. Every form is quoted and holds word
 * characters only, so nothing is read as an operator. null when there are no terms.
 */
export function toSimilarityQuery(terms: Term[], join: "any" | "all" = "any"): string | null {
  if (terms.length === 0) return null;
  const body = join === "any" ? terms.map(phrases).join(" OR ") : terms.map((t) => `(${phrases(t)})`).join(" AND ");
  return `{statement originalText} : (${body})`;
}

/** Counts how many of the terms a text holds, matched the way the index matches them (for many texts at once). */
export function termCounter(terms: Term[]): (text: string) => number {
  const keys = terms.map((term) => new Set(term.forms.map(foldWord)));
  return (text) => {
    const words = new Set((text.match(WORD) ?? []).map(foldWord));
    return keys.filter((forms) => [...forms].some((form) => words.has(form))).length;
  };
}

export function sharedTermCount(terms: Term[], text: string): number {
  return termCounter(terms)(text);
}

/**
 * How many terms another claim must share to count as similar: one shared place name is not a duplicate. A third
 * of the terms, at least two (or all, for a statement of one term).
 */
export function requiredShared(termCount: number): number {
  return Math.min(termCount, Math.max(2, Math.ceil(termCount / 3)));
}

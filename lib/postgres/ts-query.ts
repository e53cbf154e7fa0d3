import { WORD } from "@/lib/sqlite/fts-query";

// The search expressions are built once, as FTS5 expressions (lib/sqlite/fts-query.ts for readers' words,
// lib/domain/similar-terms.ts for similar claims), from a small grammar: "quoted words" with an optional * for a
// prefix, AND, OR, NOT, parentheses, and a leading {statement originalText} : column filter. This turns one into
// the text of a PostgreSQL to_tsquery('claimwatch', …): the same claims match, the same words are prefixes, and the
// column filter becomes tsquery weights (the columns' weights are set by the search trigger in
// scripts/postgres-schema.ts). Every word is rebuilt from word characters and quoted again, so nothing a reader
// typed reaches to_tsquery as an operator.

/** tsquery weight letter of each indexed column (scripts/postgres-schema.ts, claim_search_document). */
export const COLUMN_WEIGHT: Record<string, string> = {
  statement: "A",
  originalText: "B",
  claimantName: "C",
  statusRationale: "D",
};

const TOKEN = /\{([^}]*)\}\s*:|"((?:[^"]|"")*)"(\*?)|\(|\)|\bAND\b|\bOR\b|\bNOT\b/g;

/** The to_tsquery text for an FTS5 expression of that grammar, or null when it holds no word. */
export function toTsQuery(fts: string): string | null {
  let weights = "";
  const out: string[] = [];
  let words = 0;
  for (const match of fts.matchAll(TOKEN)) {
    const [token, columns, phrase, star] = match;
    if (columns !== undefined) {
      weights = [...new Set(columns.split(/\s+/).map((c) => COLUMN_WEIGHT[c] ?? ""))].sort().join("");
      continue;
    }
    if (phrase !== undefined) {
      const lexemes = phrase.match(WORD) ?? [];
      if (lexemes.length === 0) continue;
      words += lexemes.length;
      const parts = lexemes.map((w, i) => {
        const prefix = star && i === lexemes.length - 1 ? "*" : "";
        const suffix = prefix || weights ? `:${prefix}${weights}` : "";
        return `'${w}'${suffix}`;
      });
      // PostgreSQL's parser reads a hyphenated word in a document otherwise than its parts alone in a query:
      // "marmot-27346470" indexes as 'marmot' and the number '-27346470', and in "zebra-9e04d1de" the part
      // '9e04d1de' is one lexeme while to_tsquery splits it into the float '9e04' and 'd1de'. So a phrase also
      // matches its words joined by hyphens, which to_tsquery parses as the document's parser did.
      const suffix = parts.length > 1 ? (/:[*A-D]+$/.exec(parts.at(-1)!)?.[0] ?? "") : "";
      out.push(parts.length === 1 ? parts[0]! : `((${parts.join(" <-> ")}) | '${lexemes.join("-")}'${suffix})`);
      continue;
    }
    if (token === "AND") out.push("&");
    else if (token === "OR") out.push("|");
    else if (token === "NOT") out.push("& !");
    else out.push(token);
  }
  return words > 0 ? out.join(" ") : null;
}

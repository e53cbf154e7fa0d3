// What a reader typed → an SQLite FTS5 MATCH expression that cannot fail to parse. SQLite-only, with
// lib/sqlite/search.ts: a PostgreSQL build replaces both (e.g. with websearch_to_tsquery).
//
// Understood: words (all must appear), "exact phrases", -word or NOT word (must not appear), and OR between two
// words or phrases. Everything else is text: FTS5's own syntax (column filters "col:", ^, *, NEAR(), parentheses)
// is never passed through. Each word is rebuilt from letters, digits and combining marks only, the characters the
// index's unicode61 tokenizer keeps (see the migration), and wrapped in double quotes, so no input reaches FTS5
// as an operator. A word of PREFIX_MIN or more characters also matches longer words ("kill" finds "killed").

/** Characters that make up a word for the index: letters, digits, combining marks, private use (unicode61). */
export const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
export const PREFIX_MIN = 3;
/** More words than this are ignored: they would only slow the query down. */
export const MAX_ITEMS = 16;

type Item = { tokens: string[]; exact: boolean };
type Clause = { negated: boolean; alternatives: Item[] };

/** The FTS5 expression, or null when the text holds nothing to look for (only punctuation, only exclusions). */
export function toFtsQuery(text: string): string | null {
  const clauses = parse(text);
  const positive = clauses.filter((c) => !c.negated);
  if (positive.length === 0) return null;
  let expression = positive.map((c) => group(c.alternatives)).join(" AND ");
  for (const clause of clauses.filter((c) => c.negated))
    expression = `(${expression}) NOT ${group(clause.alternatives)}`;
  return expression;
}

function parse(text: string): Clause[] {
  const clauses: Clause[] = [];
  let pendingOr = false;
  let pendingNot = false;
  let items = 0;
  // A chunk is a "quoted phrase" (closed quotes only) or a run of anything but spaces and quotes.
  for (const match of text.normalize("NFC").matchAll(/"([^"]*)"|[^\s"]+/g)) {
    if (items >= MAX_ITEMS) break;
    const quoted = match[1];
    let raw = quoted ?? match[0];
    if (quoted === undefined) {
      if (raw === "OR") {
        pendingOr = clauses.length > 0;
        continue;
      }
      if (raw === "AND") continue;
      if (raw === "NOT") {
        pendingNot = true;
        continue;
      }
    }
    let negated = pendingNot;
    if (quoted === undefined && raw.length > 1 && raw.startsWith("-")) {
      negated = true;
      raw = raw.slice(1);
    }
    const tokens = raw.match(WORD) ?? [];
    if (tokens.length === 0) continue;
    const item: Item = { tokens: tokens.slice(0, MAX_ITEMS - items), exact: quoted !== undefined };
    items += item.tokens.length;
    const previous = clauses.at(-1);
    if (pendingOr && previous && !negated && !previous.negated) previous.alternatives.push(item);
    else clauses.push({ negated, alternatives: [item] });
    pendingOr = false;
    pendingNot = false;
  }
  return clauses;
}

function group(alternatives: Item[]): string {
  const parts = alternatives.map(phrase);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

/** Tokens hold only word characters, so the quotes cannot be closed early; the last word may be a prefix. */
function phrase({ tokens, exact }: Item): string {
  const last = tokens.at(-1) ?? "";
  const prefix = !exact && [...last].length >= PREFIX_MIN;
  return `"${tokens.join(" ")}"${prefix ? "*" : ""}`;
}

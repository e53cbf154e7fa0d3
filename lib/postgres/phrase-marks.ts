import type { Segment } from "@/lib/domain/highlight";
import { WORD } from "@/lib/sqlite/fts-query";

// ts_headline marks every matched word on its own, FTS5's highlight()/snippet() mark a phrase match as one span:
// for the query "quokka-1a2b" (the phrase "quokka 1a2b") SQLite shows one mark over "quokka-1a2b" and PostgreSQL
// showed two, "quokka" and "1a2b". Readers get the same marks for the same query on both engines: after
// ts_headline, two marked words with only spaces or punctuation between them are joined when they follow each other
// in one phrase of the query. Words that merely stand side by side in the text ("a b" for the query a AND b) stay
// two marks, as in FTS5.

/** How ts_headline's configuration compares words: case-folded, Latin diacritics dropped (scripts/postgres-schema.ts). */
const fold = (word: string) =>
  word
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();

type Link = { first: string; second: string; prefix: boolean };

/** Each pair of neighbouring words in a phrase of the FTS5 expression (lib/sqlite/fts-query.ts), the last maybe a prefix. */
export function phraseLinks(fts: string): Link[] {
  const links: Link[] = [];
  for (const [, phrase, star] of fts.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    const words = (phrase ?? "").match(WORD)?.map(fold) ?? [];
    for (let i = 0; i + 1 < words.length; i++)
      links.push({ first: words[i]!, second: words[i + 1]!, prefix: !!star && i + 2 === words.length });
  }
  return links;
}

const lastWord = (text: string) => fold(text.match(WORD)?.at(-1) ?? "");
const firstWord = (text: string) => fold(text.match(WORD)?.[0] ?? "");

/** The segments with the marks of one phrase match joined into one, as FTS5 marks them. */
export function joinPhraseMarks(segments: Segment[], links: Link[]): Segment[] {
  if (links.length === 0) return segments;
  const linked = (before: string, after: string) => {
    const a = lastWord(before);
    const b = firstWord(after);
    return links.some((l) => l.first === a && (l.prefix ? b.startsWith(l.second) : b === l.second));
  };
  const hasWord = (text: string) => (text.match(WORD) ?? []).length > 0;
  const out: Segment[] = [];
  for (const segment of segments) {
    const [marked, gap] = [out.at(-2), out.at(-1)];
    if (segment.hit && marked?.hit && gap && !gap.hit && !hasWord(gap.text) && linked(marked.text, segment.text)) {
      out.pop();
      marked.text += gap.text + segment.text;
    } else out.push({ ...segment });
  }
  return out;
}

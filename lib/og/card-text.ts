// Text as the share card can draw it. Pure, for the unit tests (tests/share-card-text.test.ts).
// - Only characters the bundled fonts have: next/og fetches a font from the network for any other one.
// - Words in the order a reader expects: satori shapes Arabic-script words but lays a line's words out left to
//   right in the order they are stored, so "د پاکستان بريد" would read backwards. The card lays the words out itself:
//   a right-to-left text as a row-reverse flex row, and a run of the other direction inside it reversed
//   (a simplified Unicode bidi: by word, not by character; docs/decisions/0030-share-cards.md).

export type Direction = "ltr" | "rtl";
export type CardText = { text: string; direction: Direction; words: string[] };

// Hebrew and the Arabic-script blocks (Arabic, Supplement, Extended, Presentation Forms) are right to left.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LETTER = /\p{L}/u;

export function cardText(value: string, max: number, covers: (codePoint: number) => boolean): CardText {
  let kept = "";
  for (const char of value.normalize("NFC")) {
    if (/\s/u.test(char)) kept += " ";
    else if (covers(char.codePointAt(0)!)) kept += char;
  }
  const text = truncate(kept.replace(/ +/g, " ").trim(), max);
  const direction = paragraphDirection(text);
  return { text, direction, words: layoutOrder(text, direction) };
}

/** The first letter decides, as dir="auto" does on the page. */
export function paragraphDirection(text: string): Direction {
  const first = [...text].find((char) => LETTER.test(char));
  return first !== undefined && RTL.test(first) ? "rtl" : "ltr";
}

function wordDirection(word: string): Direction | null {
  const first = [...word].find((char) => LETTER.test(char));
  if (first === undefined) return null; // numbers and punctuation take their neighbours' direction
  return RTL.test(first) ? "rtl" : "ltr";
}

/**
 * The words in the order to place them in a flex row that runs with the paragraph (row for ltr, row-reverse for
 * rtl): runs of the other direction are reversed. A neutral word joins a run only when both neighbours belong to it.
 */
export function layoutOrder(text: string, direction: Direction): string[] {
  const words = text === "" ? [] : text.split(" ");
  const own = words.map(wordDirection);
  const dirs = own.map((d, i) => {
    if (d) return d;
    const before = own.slice(0, i).reverse().find(Boolean) ?? direction;
    const after = own.slice(i + 1).find(Boolean) ?? direction;
    return before === after ? before : direction;
  });
  const out: string[] = [];
  let run: string[] = [];
  words.forEach((word, i) => {
    if (dirs[i] === direction) {
      out.push(...run.reverse(), word);
      run = [];
    } else run.push(word);
  });
  return [...out, ...run.reverse()];
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

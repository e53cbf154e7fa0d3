// Search highlights travel as data, never as HTML: the database wraps each matched word in two private-use
// characters (passed to FTS5 snippet()/highlight()), and this splits the text on them into segments that a
// component renders as <mark> elements. Client-safe.

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type Segment = { text: string; hit: boolean };

/**
 * Splits marked text into plain and matched segments. Stray or unbalanced marker characters (a stored text may
 * contain them) only end or start a segment, and never appear in the output.
 */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.hit === hit) last.text += text;
    else segments.push({ text, hit });
    text = "";
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      hit = char === MARK_START;
    } else text += char;
  }
  flush();
  return segments;
}

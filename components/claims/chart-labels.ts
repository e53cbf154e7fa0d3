// SVG text does not wrap by itself: the figures chart breaks its labels into lines here, so a long reporter's name
// ("Taliban-led government of Afghanistan") is shown whole on every screen instead of being cut.

/** Words into lines of at most `maxChars` characters; a word longer than a line is split across lines. */
export function wrapLabel(text: string, maxChars: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * How many characters fit in `width` user units at `fontSize`: 0.62 em a character is wider than the average of the
 * house sans-serif and its fallbacks, so an estimate errs towards an extra line, never towards text past the edge.
 */
export function charsThatFit(width: number, fontSize: number): number {
  return Math.floor(width / (fontSize * 0.62));
}

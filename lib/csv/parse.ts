// RFC 4180 CSV: comma-separated fields, records ended by CRLF or LF, fields in double quotes may hold commas,
// line breaks and doubled quotes (""). Each row keeps the line it starts on, so errors can point at it.

export type CsvRow = { line: number; cells: string[] };
export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string };

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Rows of the text, header included. Lines with nothing on them (a trailing newline, say) are skipped. */
export function parseCsv(text: string): CsvResult {
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    // An empty physical line is no record.
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let value = "";
        let start = i + 1;
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) {
            return { ok: false, line: openedOn, message: "A quoted field is never closed: a \" is missing before the end of the file." };
          }
          line += countBreaks(text, start, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            start = q + 2;
            continue;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < n && after !== COMMA && after !== LF && after !== CR) {
          return { ok: false, line, message: "Text follows a closing quote: a field that starts with \" must end with \" before the next comma." };
        }
        cell = value;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            return { ok: false, line, message: "A \" inside a field that is not quoted: put the whole field in quotes and double the \" (\"\")." };
          }
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // End of the record: CRLF, LF or a lone CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    rows.push({ line: rowLine, cells });
  }
  return { ok: true, rows };
}

/** Line breaks (CRLF, LF or lone CR) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}

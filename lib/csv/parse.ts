import { CsvError, parse } from "csv-parse/sync";

// RFC 4180 CSV by csv-parse: comma-separated fields, records ended by CRLF, LF or a lone CR, fields in double quotes
// may hold commas, line breaks and doubled quotes (""). Each row keeps the line it starts on, so errors can point
// at it.
//
// The lines are counted here, not taken from csv-parse's `info.lines`: that counts a CRLF inside a quoted field as
// two lines, so every row after such a field would be reported a line too far (tests/import-file-reading.test.ts,
// "counts lines across them"). A row spans one line plus the line breaks inside its fields, and csv-parse counts
// the empty lines it skips.

export type CsvRow = { line: number; cells: string[] };
export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string };

const MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted field is never closed: a " is missing before the end of the file.',
  CSV_INVALID_CLOSING_QUOTE:
    'Text follows a closing quote: a field that starts with " must end with " before the next comma.',
  INVALID_OPENING_QUOTE: 'A " inside a field that is not quoted: put the whole field in quotes and double the " ("").',
};

/** Rows of the text, header included. Lines with nothing on them (a trailing newline, say) are skipped. */
export function parseCsv(text: string): CsvResult {
  const rows: CsvRow[] = [];
  // The first line after the last row read, and the empty lines csv-parse had skipped by then.
  let next = 1;
  let skipped = 0;
  try {
    parse(text, {
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      // Rows of the wrong length are reported by the caller, all of them at once, not only the first.
      relax_column_count: true,
      on_record: (record: string[], { empty_lines }) => {
        const line = next + empty_lines - skipped;
        next = line + 1 + record.reduce((breaks, cell) => breaks + countBreaks(cell), 0);
        skipped = empty_lines;
        rows.push({ line, cells: record });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The row that failed starts after the last row read and the empty lines skipped since.
    const line = next + Number(error.empty_lines ?? skipped) - skipped;
    return { ok: false, line, message: MESSAGES[error.code] ?? error.message };
  }
  return { ok: true, rows };
}

/** Line breaks (CRLF, LF or lone CR) in a field. */
function countBreaks(cell: string): number {
  return cell.match(/\r\n?|\n/g)?.length ?? 0;
}

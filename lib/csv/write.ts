// A CSV writer (RFC 4180) for exports that people open in spreadsheets. Pure: no I/O.
//
// - Rows end with CRLF; a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
// - The file starts with a UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code page and
//   garbles every non-Latin character (Pashto, Dari and Urdu original texts).
// - Formula injection: a spreadsheet runs a cell that starts with =, +, -, @, tab or CR as a formula
//   (=HYPERLINK(...) can leak data). Such a text cell gets a leading apostrophe, which spreadsheets show as text.
//   Numbers are written as numbers: -3 is a value, not a formula.
// - NUL and the other C0 controls (tab, CR and LF aside) are dropped: spreadsheets and CSV tools cut a cell or the
//   whole file at a NUL. Forms and the import refuse them (lib/validation/fields.ts), so only data stored before
//   that rule can hold one; stripping here keeps every file clean whatever the database holds.

import { stripC0Controls } from "@/lib/domain/control-characters";

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : stripC0Controls(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + CSV_EOL;
}

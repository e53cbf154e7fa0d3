import { printParseErrorCode, visit } from "jsonc-parser";

// A pass over JSON text by jsonc-parser's `visit`, which builds nothing: JSON.parse does the parsing (faster, and
// the strict standard), and this only runs when its answer is not enough. It finds where malformed JSON goes wrong
// (Node's messages often give no position) and the line on which each record of the file's top-level lists
// starts, so errors can name it.
//
// jsonc-parser recurses once per level of nesting, so a hostile file nested tens of thousands deep overflows the
// stack (past about 5,000 levels here; a record has fewer than ten). That is caught: the scan then knows nothing more, and the caller falls back to JSON.parse's message and to
// issues without a line (tests/import-file-reading.test.ts, "nesting far deeper").

export type JsonSyntaxError = { line: number; column: number; message: string };
/** "claims" → the line of claims[0], claims[1], … */
export type RecordLines = Map<string, number[]>;

type Code = ReturnType<typeof printParseErrorCode>;
type Where = { found: string; closer: string; afterEnd: boolean; before: string | undefined };

const VALUE = "a value (text in double quotes, a number, true, false, null, { or [)";

/** The message for each error jsonc-parser reports; the ones strict JSON can meet. */
const MESSAGES: Partial<Record<Code, (at: Where) => string>> = {
  InvalidSymbol: ({ found, afterEnd }) =>
    afterEnd ? `unexpected ${found} after the end of the JSON document.` : `unexpected ${found}: expected ${VALUE}.`,
  InvalidNumberFormat: () => "this is not a JSON number.",
  UnexpectedEndOfNumber: () => "this is not a JSON number (a digit must follow the point or the e).",
  PropertyNameExpected: ({ found }) =>
    `expected a property name in double quotes${found === "“}”" ? " (is there a comma too many?)" : ""}, found ${found}.`,
  ValueExpected: ({ found }) =>
    `expected ${VALUE}, found ${found}.${/^“[\]}]”$/.test(found) ? " Is there a comma too many?" : ""}`,
  ColonExpected: ({ found }) => `expected “:” after the property name, found ${found}.`,
  CommaExpected: ({ found, closer, before }) =>
    `expected “,” or “${closer}”, found ${found}.${before === "0" && /^“\d/.test(found) ? " A JSON number has no leading zeros." : ""}`,
  CloseBraceExpected: () => "the file ends inside an object {: a closing bracket is missing.",
  CloseBracketExpected: () => "the file ends inside a list [: a closing bracket is missing.",
  EndOfFileExpected: ({ found }) => `unexpected ${found} after the end of the JSON document.`,
  InvalidCommentToken: () => "JSON has no comments.",
  UnexpectedEndOfComment: () => "JSON has no comments.",
  InvalidUnicode: () => "\\u must be followed by four hexadecimal digits.",
  InvalidEscapeCharacter: () => "a \\ in this text in quotes starts no JSON escape (use \\\\ for a backslash).",
  InvalidCharacter: () => "a control character inside text in quotes: write it as \\t or \\u00XX.",
};

export function scanJson(text: string): { error: JsonSyntaxError | null; lines: RecordLines } {
  const lines: RecordLines = new Map();
  let error: JsonSyntaxError | null = null;
  // Open containers, true for a list; the current top-level key; whether the top-level value is complete.
  const open: boolean[] = [];
  let key: string | null = null;
  let done = false;
  const value = (line: number) => {
    if (open.length === 2 && open[1] && key !== null) {
      const list = lines.get(key) ?? [];
      list.push(line + 1);
      lines.set(key, list);
    }
  };
  const close = () => {
    open.pop();
    if (!open.length) done = true;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (_offset, _length, line) => {
          value(line);
          open.push(false);
        },
        onArrayBegin: (_offset, _length, line) => {
          value(line);
          open.push(true);
        },
        onObjectEnd: close,
        onArrayEnd: close,
        onObjectProperty: (name) => {
          if (open.length === 1) key = name;
        },
        onLiteralValue: (_value, _offset, _length, line) => {
          value(line);
          if (!open.length) done = true;
        },
        onError: (code, offset, length, line, column) => {
          if (error) return;
          error = {
            line: line + 1,
            column: column + 1,
            message: describe(text, printParseErrorCode(code), offset, length, open.at(-1), done),
          };
        },
      },
      { disallowComments: true, allowTrailingComma: false },
    );
  } catch (thrown) {
    // Nested too deep for the call stack: see the note at the top.
    if (!(thrown instanceof RangeError)) throw thrown;
  }
  return { error, lines };
}

function describe(
  text: string,
  code: Code,
  offset: number,
  length: number,
  inList: boolean | undefined,
  afterEnd: boolean,
): string {
  if (code === "UnexpectedEndOfString") {
    // The string runs to a line break or to the end of the file.
    const end = text[offset + length];
    return end === "\n" || end === "\r"
      ? "a line break inside text in quotes: write it as \\n."
      : "this text in quotes is never closed.";
  }
  if (!text.trim()) return "the file is empty.";
  const token = text.slice(offset, offset + Math.max(length, 1));
  const found = !token
    ? "the end of the file"
    : token === "\n" || token === "\r"
      ? "a line break"
      : `“${token.length > 20 ? `${token.slice(0, 20)}…` : token}”`;
  return (
    MESSAGES[code]?.({ found, closer: inList ? "]" : "}", afterEnd, before: text[offset - 1] }) ??
    `${code} at ${found}.`
  );
}

/** The line of the record at `path[0..1]` (e.g. ["claims", 12]) when the scan found it. */
export function lineOf(lines: RecordLines, path: readonly PropertyKey[]): number | undefined {
  const [key, index] = path;
  if (typeof key !== "string" || typeof index !== "number") return undefined;
  return lines.get(key)?.[index];
}

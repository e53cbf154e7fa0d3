// A JSON syntax scanner that builds nothing: JSON.parse does the parsing, and this only runs when its answer is not
// enough. It finds where malformed JSON goes wrong (Node's messages often give no position) and the line on which
// each record of the file's top-level lists starts, so errors can name it. An explicit stack, no recursion: a
// hostile file nested a million deep cannot overflow it.

export type JsonSyntaxError = { line: number; column: number; message: string };
/** "claims" → the line of claims[0], claims[1], … */
export type RecordLines = Map<string, number[]>;

type Frame = { array: boolean; key: string | null; count: number };
type Expect = "value" | "keyOrEnd" | "key" | "colon" | "valueOrEnd" | "commaOrEnd" | "end";

export function scanJson(text: string): { error: JsonSyntaxError | null; lines: RecordLines } {
  const lines: RecordLines = new Map();
  const stack: Frame[] = [];
  let expect = "value" as Expect; // "as": afterValue() changes it, which narrowing cannot see
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  const fail = (message: string, at = i) => ({ error: { line, column: at - lineStart + 1, message }, lines });
  const found = () => (i < n ? `“${text[i] === "\n" ? "a line break" : text[i]}”` : "the end of the file");

  const afterValue = () => {
    const top = stack.at(-1);
    if (top) top.count++;
    expect = top ? "commaOrEnd" : "end";
  };

  while (i <= n) {
    // Whitespace, counting lines.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
    if (i >= n) {
      if (expect === "end") return { error: null, lines };
      return fail(stack.length ? `the file ends inside ${stack.at(-1)?.array ? "a list [" : "an object {"}: a closing bracket is missing.` : "the file is empty.");
    }
    const ch = text[i] as string;
    const top = stack.at(-1);

    if (expect === "end") return fail(`unexpected ${found()} after the end of the JSON document.`);
    if (expect === "colon") {
      if (ch !== ":") return fail(`expected “:” after the property name, found ${found()}.`);
      i++;
      expect = "value";
      continue;
    }
    if (expect === "commaOrEnd") {
      if (ch === ",") {
        i++;
        expect = top?.array ? "value" : "key";
        continue;
      }
      if (ch === (top?.array ? "]" : "}")) {
        i++;
        stack.pop();
        afterValue();
        continue;
      }
      return fail(`expected “,” or “${top?.array ? "]" : "}"}”, found ${found()}.`);
    }
    if (expect === "keyOrEnd" || expect === "key") {
      if (ch === "}" && expect === "keyOrEnd") {
        i++;
        stack.pop();
        afterValue();
        continue;
      }
      if (ch !== '"') return fail(`expected a property name in double quotes${expect === "key" ? " (is there a comma too many?)" : ""}, found ${found()}.`);
      const end = scanString(text, i);
      if (typeof end !== "number") return fail(end.message, end.at);
      if (top) top.key = JSON.parse(text.slice(i, end)) as string;
      i = end;
      expect = "colon";
      continue;
    }
    if (expect === "valueOrEnd" && ch === "]") {
      i++;
      stack.pop();
      afterValue();
      continue;
    }

    // A value starts here.
    if (top?.array && stack.length === 2 && stack[0]?.key) {
      const key = stack[0].key;
      const list = lines.get(key) ?? [];
      list[top.count] = line;
      lines.set(key, list);
    }
    if (ch === "{" || ch === "[") {
      stack.push({ array: ch === "[", key: null, count: 0 });
      i++;
      expect = ch === "[" ? "valueOrEnd" : "keyOrEnd";
      continue;
    }
    let end: number | { at: number; message: string };
    if (ch === '"') end = scanString(text, i);
    else if (ch === "-" || (ch >= "0" && ch <= "9")) end = scanNumber(text, i);
    else if (text.startsWith("true", i)) end = i + 4;
    else if (text.startsWith("false", i)) end = i + 5;
    else if (text.startsWith("null", i)) end = i + 4;
    else return fail(`expected a value (text in double quotes, a number, true, false, null, { or [), found ${found()}.${ch === "]" || ch === "}" ? " Is there a comma too many?" : ""}`);
    if (typeof end !== "number") return fail(end.message, end.at);
    i = end;
    afterValue();
  }
  return { error: null, lines };
}

/** The index just past the string starting at `start` (a `"`), or what is wrong with it. */
function scanString(text: string, start: number): number | { at: number; message: string } {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { at: start, message: "this text in quotes is never closed." };
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { at: i, message: "a line break or control character inside text in quotes: write it as \\n, \\t or \\u00XX." };
    if (c === 92) {
      const e = text[i + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, message: "\\u must be followed by four hexadecimal digits." };
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { at: i, message: `“\\${e ?? ""}” is not a JSON escape (use \\\\ for a backslash).` };
      i += 2;
      continue;
    }
    i++;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanNumber(text: string, start: number): number | { at: number; message: string } {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (!match || match[0] === "-") return { at: start, message: "this is not a JSON number." };
  const end = start + match[0].length;
  const next = text[end];
  if (next !== undefined && /[\w.+-]/.test(next)) return { at: start, message: "this is not a JSON number (no leading zeros, a digit after the point)." };
  return end;
}

/** The line of the record at `path[0..1]` (e.g. ["claims", 12]) when the scan found it. */
export function lineOf(lines: RecordLines, path: readonly PropertyKey[]): number | undefined {
  const [key, index] = path;
  if (typeof key !== "string" || typeof index !== "number") return undefined;
  return lines.get(key)?.[index];
}

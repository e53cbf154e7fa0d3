import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { checkSize, decodeUtf8 } from "@/lib/data-io/decode";
import { scanJson } from "@/lib/data-io/json-scan";
import { detectFormat, readImportFile } from "@/lib/data-io/read-file";
import { IMPORT_UPLOAD_MAX_BYTES } from "@/lib/validation/import";

// Reading an import file before any record is looked at: CSV by RFC 4180, strict UTF-8, the size limit, and where
// malformed JSON goes wrong.

describe("CSV (RFC 4180)", () => {
  const rows = (text: string) => {
    const result = parseCsv(text);
    if (!result.ok) throw new Error(`line ${result.line}: ${result.message}`);
    return result.rows;
  };

  it("splits fields and records with LF or CRLF, the last newline optional", () => {
    expect(rows("a,b,c\n1,2,3\n")).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "2", "3"] },
    ]);
    expect(rows("a,b\r\n1,2")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields, and counts lines across them", () => {
    const parsed = rows('slug,statement\r\nx,"one, two ""three""\r\nand a second line"\r\ny,plain\r\n');
    expect(parsed[1]).toEqual({ line: 2, cells: ["x", 'one, two "three"\r\nand a second line'] });
    expect(parsed[2]).toEqual({ line: 4, cells: ["y", "plain"] });
  });

  it("keeps empty fields, including a trailing one, and skips empty lines", () => {
    expect(rows('a,,""\n\n1,2,\n')).toEqual([
      { line: 1, cells: ["a", "", ""] },
      { line: 3, cells: ["1", "2", ""] },
    ]);
  });

  it("counts lines past empty lines, mixed line ends and a CRLF inside quotes", () => {
    expect(rows('a,b\r\r\n\n1,"x\r\ny"\r3,4')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 4, cells: ["1", "x\r\ny"] },
      { line: 6, cells: ["3", "4"] },
    ]);
    expect(parseCsv('a,b\n1,2\n\n\n3,"open\nmore\n')).toMatchObject({ ok: false, line: 5 });
  });

  it("refuses a quote that is never closed, naming the line it opened on", () => {
    expect(parseCsv('a,b\n1,"open\nmore\n')).toMatchObject({
      ok: false,
      line: 2,
      message: expect.stringContaining("never closed"),
    });
  });

  it("refuses text after a closing quote and a quote inside an unquoted field", () => {
    expect(parseCsv('a,b\n"x"y,2\n')).toMatchObject({
      ok: false,
      line: 2,
      message: expect.stringContaining("closing quote"),
    });
    expect(parseCsv('a,b\n1,2\nx,say "hi"\n')).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringContaining("not quoted"),
    });
  });
});

describe("decoding", () => {
  it("reads UTF-8 with or without a byte order mark, non-Latin text intact", () => {
    const text = "slug,originalText\nx,دا یوه جعلي ادعا ده\n";
    const plain = new TextEncoder().encode(text);
    expect(decodeUtf8(plain, 1000)).toEqual({ ok: true, text });
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]), 1000)).toEqual({ ok: true, text });
  });

  it("refuses Latin-1 bytes with the line and byte, instead of importing mojibake", () => {
    // "Café" in Latin-1: é is the single byte 0xE9, which is not UTF-8.
    const latin1 = new Uint8Array([...new TextEncoder().encode("slug,location\nx,Caf"), 0xe9, 0x0a]);
    const result = decodeUtf8(latin1, 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain("not valid UTF-8 (line 2, byte 20: 0xE9)");
      expect(result.message).toContain("Latin-1");
    }
  });

  it("names UTF-16 as UTF-16", () => {
    const result = decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 1000);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("UTF-16") });
  });

  it("refuses a file over the limit by its size, before decoding", () => {
    // Invalid UTF-8 too: the size is what is reported, because nothing past the size check ran.
    const result = decodeUtf8(new Uint8Array(2049).fill(0xe9), 2048);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("over the limit of 2 KB") });
  });

  it("sets the upload limit at 50 MB, a byte more refused", () => {
    expect(IMPORT_UPLOAD_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(checkSize(IMPORT_UPLOAD_MAX_BYTES, IMPORT_UPLOAD_MAX_BYTES)).toEqual({ ok: true });
    expect(checkSize(IMPORT_UPLOAD_MAX_BYTES + 1, IMPORT_UPLOAD_MAX_BYTES)).toMatchObject({
      ok: false,
      message: expect.stringContaining("over the limit of 50 MB"),
    });
  });
});

describe("JSON scan", () => {
  it("finds where malformed JSON goes wrong, with line and column", () => {
    expect(scanJson('{"a": 1,\n "b": }').error).toEqual({
      line: 2,
      column: 7,
      message: expect.stringContaining("expected a value"),
    });
    expect(scanJson('{"a": [1, 2,]}').error).toMatchObject({
      line: 1,
      column: 13,
      message: expect.stringContaining("comma too many"),
    });
    expect(scanJson('{"a": "line\nbreak"}').error).toMatchObject({
      line: 1,
      message: expect.stringContaining("line break"),
    });
    expect(scanJson('{"a": 1} x').error).toMatchObject({
      line: 1,
      column: 10,
      message: expect.stringContaining("after the end"),
    });
    expect(scanJson('{"a": [1, 2').error).toMatchObject({ message: expect.stringContaining("ends inside a list") });
    expect(scanJson('{"a": 01}').error).toMatchObject({
      column: 8,
      message: expect.stringContaining("no leading zeros"),
    });
    expect(scanJson('{"a": 1.}').error).toMatchObject({
      column: 7,
      message: expect.stringContaining("not a JSON number"),
    });
    expect(scanJson('{"a": "\\x"}').error).toMatchObject({
      column: 7,
      message: expect.stringContaining("no JSON escape"),
    });
    expect(scanJson("{a: 1}").error).toMatchObject({ column: 2, message: expect.stringContaining("unexpected “a”") });
    expect(scanJson('{"a": 1 "b": 2}').error).toMatchObject({
      column: 9,
      message: 'expected “,” or “}”, found “"b"”.',
    });
    expect(scanJson("// note\n{}").error).toMatchObject({ line: 1, message: "JSON has no comments." });
  });

  it("survives nesting far deeper than any record", () => {
    // jsonc-parser recurses per level and runs out of stack (lib/data-io/json-scan.ts): the scan gives up without
    // a position, and the import reports JSON.parse's message and issues without a line instead of failing.
    expect(scanJson("[".repeat(200_000)).error).toBeNull();
    expect(readImportFile(new TextEncoder().encode("[".repeat(200_000)), "deep.json", 1e6)).toMatchObject({
      ok: false,
      issues: [{ path: "", message: "Malformed JSON: Unexpected end of JSON input" }],
    });
    const deep = `{"format":"x",\n"claims":[\n{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}`;
    expect(scanJson(deep).lines.get("claims")).toEqual([3]);
  });

  it("records the line each record of the top-level lists starts on", () => {
    const { error, lines } = scanJson(
      '{"format":"x",\n"claims":[\n{"slug":"a"},\n\n{"slug":"b",\n"x":[1]}\n],"actors":[]}',
    );
    expect(error).toBeNull();
    expect(lines.get("claims")).toEqual([3, 5]);
  });
});

describe("format", () => {
  it("goes by the extension, then by the first character", () => {
    expect(detectFormat("claims.JSON", "slug,statement")).toBe("json");
    expect(detectFormat("claims.csv", "{")).toBe("csv");
    expect(detectFormat("upload", '  \n{"format":')).toBe("json");
    expect(detectFormat("upload", "slug,statement")).toBe("csv");
  });
});

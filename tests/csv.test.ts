import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvRow } from "@/lib/csv/write";

describe("csvField", () => {
  it("quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
    expect(csvField("  spaced  ")).toBe("  spaced  ");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField("a=1")).toBe("a=1");
  });

  it("writes numbers, booleans, dates and missing values plainly", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(3.5)).toBe("3.5");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField(new Date("2026-11-25T10:00:00Z"))).toBe("2026-11-25T10:00:00.000Z");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("drops NUL and the other C0 controls, but keeps tab, CR and LF", () => {
    expect(csvField("a\u0000b")).toBe("ab");
    expect(csvField("\u0000\u0001\u001Fx\u007F")).toBe("x");
    expect(csvField("\u0000=1+1")).toBe("'=1+1"); // stripped first, so a hidden formula is still neutralised
    expect(csvField("a\tb")).toBe("a\tb");
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvRow(["x\u0000", "y"])).not.toContain("\u0000");
  });

  it("keeps non-Latin text as it is", () => {
    expect(csvField("د پاکستان حکومت")).toBe("د پاکستان حکومت");
  });
});

describe("csvRow", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
    expect(csvRow([])).toBe("\r\n");
  });

  it("has a BOM to put first", () => {
    expect(CSV_BOM).toBe("\uFEFF");
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

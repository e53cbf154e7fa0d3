import { isUtf8 } from "node:buffer";

// From the bytes of an uploaded or local file to text: the size limit first, then strict UTF-8 (what
// `new TextDecoder("utf-8", { fatal: true })` accepts). A file in another
// encoding (a spreadsheet saved as Latin-1 or Windows-1252, say) is refused with where it goes wrong, instead of
// being imported as mojibake.

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const MB = 1024 * 1024;

/** Refuses a file over `maxBytes` by its size alone, before reading a byte of it. */
export function checkSize(size: number, maxBytes: number): { ok: true } | { ok: false; message: string } {
  if (size <= maxBytes) return { ok: true };
  return {
    ok: false,
    message: `The file is ${formatSize(size)}, over the limit of ${formatSize(maxBytes)}. Nothing was read or written. Split the file into smaller ones and import them one after another.`,
  };
}

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} bytes`;
}

export function decodeUtf8(bytes: Uint8Array, maxBytes: number): Decoded {
  const size = checkSize(bytes.byteLength, maxBytes);
  if (!size.ok) return size;
  // isUtf8 is the strict check of TextDecoder("utf-8", { fatal: true }), done natively: about ten times faster on
  // a 100 MB file. A leading byte order mark (Excel writes one) is dropped.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      message: "The file is UTF-16, not UTF-8. Save it as UTF-8 (in a spreadsheet: “CSV UTF-8”) and import it again.",
    };
  }
  const at = firstInvalidUtf8(bytes);
  return {
    ok: false,
    message:
      `The file is not valid UTF-8 (line ${at.line}, byte ${at.offset + 1}: 0x${at.byte.toString(16).toUpperCase().padStart(2, "0")}). ` +
      "It was probably saved as Latin-1 or Windows-1252. Save it as UTF-8 (in a spreadsheet: “CSV UTF-8”) and import it again.",
  };
}

/** Where strict decoding failed: the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; byte: number } {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 0x0a) line++;
    // Continuation bytes needed after this lead byte, and the smallest code point such a sequence may encode.
    const [need, min] =
      b < 0x80
        ? [0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [1, 0x80]
          : b >= 0xe0 && b <= 0xef
            ? [2, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [3, 0x10000]
              : [-1, 0];
    if (need < 0) return { offset: i, line, byte: b };
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, line, byte: b };
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return { offset: i, line, byte: b };
    i += need + 1;
  }
  return { offset: bytes.length, line, byte: 0 };
}

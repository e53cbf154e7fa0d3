// Text for XML 1.0 documents, whatever the input: the characters XML 1.0 forbids are dropped (C0 controls other
// than tab, LF and CR; lone surrogate halves; U+FFFE and U+FFFF), then the markup characters are escaped.

// With the u flag a lone surrogate is one code point of its own, so it falls outside every allowed range.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(FORBIDDEN, "");
}

export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

import { inflateSync } from "node:zlib";

// Which characters a WOFF font has a glyph for, read from its cmap table. The card renderer (next/og) asks a web
// font service for any character its fonts lack, and the server must never reach out at run time nor send a
// statement's text elsewhere: lib/og/share-card.tsx drops such characters first (docs/decisions/0030-share-cards.md).

/** The code points a WOFF 1.0 font maps to a real glyph (glyph 0 is "missing"). */
export function woffCodePoints(woff: Uint8Array): Set<number> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error("Not a WOFF 1.0 font (satori cannot read WOFF2).");
  const numTables = view.getUint16(12);
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    if (view.getUint32(entry) !== 0x636d6170) continue; // "cmap"
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const table = compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw;
    return cmapCodePoints(new DataView(table.buffer, table.byteOffset, table.byteLength));
  }
  throw new Error("The font has no cmap table.");
}

function cmapCodePoints(cmap: DataView): Set<number> {
  const numRecords = cmap.getUint16(2);
  let format4: number | undefined;
  for (let i = 0; i < numRecords; i++) {
    const record = 4 + i * 8;
    const platform = cmap.getUint16(record);
    const encoding = cmap.getUint16(record + 2);
    const offset = cmap.getUint32(record + 4);
    const format = cmap.getUint16(offset);
    if (format === 12 && (platform === 3 || platform === 0)) return format12(cmap, offset);
    if (format === 4 && ((platform === 3 && encoding === 1) || platform === 0)) format4 ??= offset;
  }
  if (format4 === undefined) throw new Error("The font has no Unicode cmap subtable.");
  return format4Points(cmap, format4);
}

function format12(cmap: DataView, at: number): Set<number> {
  const points = new Set<number>();
  const groups = cmap.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const start = cmap.getUint32(at + 16 + g * 12);
    const end = cmap.getUint32(at + 20 + g * 12);
    const glyph = cmap.getUint32(at + 24 + g * 12);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
  }
  return points;
}

function format4Points(cmap: DataView, at: number): Set<number> {
  const points = new Set<number>();
  const segCount = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = cmap.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (c - start) * 2;
        glyph = cmap.getUint16(glyphAt);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}

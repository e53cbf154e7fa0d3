import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { woffCodePoints } from "@/lib/og/font-coverage";

// The share cards' fonts: Noto Sans (Latin) and Vazirmatn (Arabic script: Pashto, Dari, Urdu), pinned in package.json
// and read from the installed packages at run time, never fetched. WOFF, not WOFF2: satori (next/og) cannot read
// WOFF2. Not Noto Sans Arabic or Noto Naskh Arabic: satori's font engine throws on their required-ligature tables
// (docs/decisions/0030-share-cards.md).

export const CARD_FONT_FAMILY = "Noto Sans, Noto Sans Extended, Vazirmatn";

// Each subset under a name of its own: satori keeps one font per name, weight and style.
const FILES = [
  { name: "Noto Sans", pkg: "noto-sans", file: "noto-sans-latin" },
  { name: "Noto Sans Extended", pkg: "noto-sans", file: "noto-sans-latin-ext" },
  { name: "Vazirmatn", pkg: "vazirmatn", file: "vazirmatn-arabic" },
] as const;
const WEIGHTS = [400, 700] as const;

export type CardFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };
export type CardFonts = {
  fonts: CardFont[];
  /** Whether a character has a glyph in one of the fonts (any other would be fetched from the network). */
  covers: (codePoint: number) => boolean;
  /** The same for the Latin fonts alone: the fallback when Arabic-script text cannot be drawn. */
  coversLatin: (codePoint: number) => boolean;
};

let loaded: Promise<CardFonts> | undefined;

/** Read once per server process; a failed read is retried on the next card. */
export function cardFonts(): Promise<CardFonts> {
  loaded ??= readCardFonts().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function readCardFonts(): Promise<CardFonts> {
  const root = join(process.cwd(), "node_modules", "@fontsource");
  const fonts = await Promise.all(
    FILES.flatMap(({ name, pkg, file }) =>
      WEIGHTS.map(async (weight) => {
        const bytes = await readFile(join(root, pkg, "files", `${file}-${weight}-normal.woff`));
        return { name, bytes, weight };
      }),
    ),
  );
  const points = new Set<number>();
  const latin = new Set<number>();
  for (const { name, bytes, weight } of fonts) {
    if (weight !== 400) continue;
    for (const p of woffCodePoints(bytes)) {
      points.add(p);
      if (name !== "Vazirmatn") latin.add(p);
    }
  }
  return {
    fonts: fonts.map(({ name, bytes, weight }) => ({
      name,
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      weight,
      style: "normal" as const,
    })),
    covers: (codePoint) => points.has(codePoint),
    coversLatin: (codePoint) => latin.has(codePoint),
  };
}

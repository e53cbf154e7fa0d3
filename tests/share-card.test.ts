import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cardFonts } from "@/lib/og/card-fonts";
import { cardText, layoutOrder } from "@/lib/og/card-text";
import { STATUS_COLOR, claimBadge, claimShareCard } from "@/lib/og/claim-card";
import { woffCodePoints } from "@/lib/og/font-coverage";
import { shareCardPng } from "@/lib/og/share-card";
import { STATUSES } from "@/lib/domain/vocabulary";

// The share card (docs/decisions/0030-share-cards.md): text the bundled fonts can draw, words in reading order, the
// page's status colours, and a 1200×630 PNG for any statement.

const PASHTO = "د پاکستان هوايي بريدونو په پکتيکا کې ۴۶ ملکي وګړي ووژل";
const URDU = "پاکستانی فضائیہ نے سرحد کے قریب ٹھکانوں کو نشانہ بنایا";

function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("fonts", () => {
  it("cover Latin, Pashto, Dari and Urdu letters, and not emoji or CJK", async () => {
    const { covers } = await cardFonts();
    for (const char of "Aéŋ—ټډړښږګڼېۍےہھںٹڈڑیکگچپژ۴۶،؟") expect(covers(char.codePointAt(0)!), char).toBe(true);
    for (const char of "🙂中✓") expect(covers(char.codePointAt(0)!), char).toBe(false);
  });

  it("are WOFF 1.0: satori cannot read WOFF2, and the reader says so", () => {
    const woff2 = readFileSync(
      join(process.cwd(), "node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2"),
    );
    expect(() => woffCodePoints(woff2)).toThrow(/WOFF2/);
  });
});

describe("card text", () => {
  const all = () => true;

  it("drops what the fonts lack (the renderer would fetch a font for it) and folds whitespace", async () => {
    const { covers } = await cardFonts();
    expect(cardText("Strike\tin  Kunar 🙂 中文\n today", 100, covers).text).toBe("Strike in Kunar today");
  });

  it("cuts at a word with an ellipsis", () => {
    expect(cardText("one two three four five", 12, all).text).toBe("one two…");
  });

  it("takes its direction from the first letter, as dir=auto does", () => {
    expect(cardText(PASHTO, 100, all).direction).toBe("rtl");
    expect(cardText("۴۶ ملکي", 100, all).direction).toBe("rtl");
    expect(cardText("TTP کے ٹھکانے", 100, all).direction).toBe("ltr");
  });

  it("keeps a text of one direction in stored order (the flex row runs with it)", () => {
    expect(layoutOrder("a b c", "ltr")).toEqual(["a", "b", "c"]);
    expect(layoutOrder("د پاکستان بريد", "rtl")).toEqual(["د", "پاکستان", "بريد"]);
  });

  it("reverses a run of the other direction, with the numbers inside it", () => {
    expect(layoutOrder("TTP کے ٹھکانے: ISPR says", "ltr")).toEqual(["TTP", "ٹھکانے:", "کے", "ISPR", "says"]);
    expect(layoutOrder("د ISPR says 20 militants بريد", "rtl")).toEqual([
      "د",
      "militants",
      "20",
      "says",
      "ISPR",
      "بريد",
    ]);
  });

  it("never loses or invents a word (property, fixed seed)", () => {
    const word = fc.constantFrom("د", "پاکستان", "کے", "TTP", "says", "46", "۴۶", "—", "(20)");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom("ltr" as const, "rtl" as const), (words, dir) => {
        expect(layoutOrder(words.join(" "), dir).toSorted()).toEqual(words.toSorted());
      }),
      { numRuns: 500, seed: 30_030 },
    );
  });
});

describe("claim card", () => {
  it("uses the light scheme's status colours of app/globals.css", () => {
    const css = readFileSync(join(process.cwd(), "app/globals.css"), "utf8");
    const light = css.slice(0, css.indexOf("prefers-color-scheme"));
    for (const status of STATUSES) {
      const name = status.toLowerCase().replace("_", "-");
      expect(light, status).toContain(`--status-${name}: ${STATUS_COLOR[status]};`);
    }
  });

  it("shows a position as not rated, and the claimant with the date as precisely as known", () => {
    expect(claimBadge({ status: "FALSE", kind: "POSITION" }).label).toBe("Position — not rated");
    const card = claimShareCard(
      {
        statement: "S",
        status: "FALSE",
        kind: "FACT",
        category: "CASUALTIES",
        claimedAt: new Date(Date.UTC(2026, 10, 1)),
        claimedAtPrecision: "MONTH",
        claimant: { name: "ISPR" },
      },
      "Claimwatch",
    );
    expect(card.badge).toEqual({ label: "False", color: STATUS_COLOR.FALSE });
    expect(card.byline).toBe("Claimed by ISPR · November 2026");
  });
});

describe("rendering", () => {
  // next/og fetches a font for any character the given fonts lack: the card must never need that.
  afterEach(() => {
    vi.restoreAllMocks();
  });
  // (next/og loads its layout engine from a data: URL, which is no network.)
  const noFetch = () => {
    const real = globalThis.fetch;
    return vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      if (String(input).startsWith("data:")) return real(input, init);
      return Promise.reject(new Error(`no network for share cards: ${String(input)}`));
    });
  };
  const fetchedUrls = (fetch: ReturnType<typeof noFetch>) =>
    fetch.mock.calls.map(([input]) => String(input)).filter((url) => !url.startsWith("data:"));

  const card = (title: string) => ({
    kicker: "Claim · Casualties",
    title,
    byline: "Claimed by ISPR",
    badge: { label: "Disputed", color: STATUS_COLOR.DISPUTED },
    publisher: "Claimwatch",
  });

  it("draws a 1200×630 PNG, different for Arabic script and Latin", async () => {
    const fetch = noFetch();
    const [urdu, latin] = await Promise.all([
      shareCardPng(card(URDU)),
      shareCardPng(card("Pakistan's air force hit hideouts near the border")),
    ]);
    expect(pngSize(urdu)).toEqual({ width: 1200, height: 630 });
    expect(pngSize(latin)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.from(urdu).equals(Buffer.from(latin))).toBe(false);
    expect(fetchedUrls(fetch)).toEqual([]);
  });

  it("draws any statement, with no network (property, 25 generated statements, fixed seed)", async () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom(PASHTO, URDU, "🙂", "中文", "\u202e", "\u0000", " ".repeat(30), "ـــ", "ﷲ"),
    );
    const fetch = noFetch();
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (pieces) => {
        expect(pngSize(await shareCardPng(card(pieces.join(" "))))).toEqual({ width: 1200, height: 630 });
      }),
      { numRuns: 25, seed: 30_031 },
    );
    expect(fetchedUrls(fetch)).toEqual([]);
  }, 120_000);
});

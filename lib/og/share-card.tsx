import "server-only";
import { ImageResponse } from "next/og";
import type { CSSProperties } from "react";
import { CARD_FONT_FAMILY, cardFonts, type CardFont } from "@/lib/og/card-fonts";
import { cardText, type CardText } from "@/lib/og/card-text";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, type ShareCard } from "@/lib/og/share-card-type";

// A 1200×630 share card (Open Graph and Twitter) for any reader page: a kicker line, a title (a claim's statement,
// an incident's name), a byline, a badge and the publisher. Claims use it in
// app/(public)/claims/[slug]/share-card.png/route.ts; docs/decisions/0030-share-cards.md says what the renderer
// (satori, through next/og) does with Arabic script and why words are laid out here.

const PAPER = "#fbfaf7";
const INK = "#1d2329";
const INK_SOFT = "#4a5560";
const ACCENT = "#124e78";

/** Longer titles get smaller type so that up to 280 characters fit in the card. */
function titleSize(length: number): number {
  if (length <= 80) return 60;
  if (length <= 140) return 50;
  if (length <= 200) return 42;
  return 36;
}

/** One text field, word by word, in the direction of its own first letter. */
function Line({ text, size, style }: { text: CardText; size: number; style?: CSSProperties }) {
  const gap = Math.round(size * 0.28);
  return (
    <div
      style={{
        display: "flex",
        flexWrap: "wrap",
        flexDirection: text.direction === "rtl" ? "row-reverse" : "row",
        fontSize: size,
        ...style,
      }}
    >
      {text.words.map((word, i) => (
        <span key={i} style={text.direction === "rtl" ? { marginLeft: gap } : { marginRight: gap }}>
          {word}
        </span>
      ))}
    </div>
  );
}

/**
 * The card as PNG bytes. Rendered before anything is sent, so that a failure is an error here and not a cut-off
 * image: should the font engine refuse some Arabic-script text, the card is drawn again with Latin letters only.
 */
export async function shareCardPng(card: ShareCard): Promise<Uint8Array> {
  const { fonts, covers, coversLatin } = await cardFonts();
  try {
    return await render(card, fonts, covers);
  } catch (error) {
    console.error("Share card: drawing again without Arabic script:", error);
    return render(card, fonts, coversLatin);
  }
}

export async function shareCardResponse(card: ShareCard, headers: Record<string, string>): Promise<Response> {
  const png = await shareCardPng(card);
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { "Content-Type": SHARE_CARD_TYPE, "Content-Length": String(png.byteLength), ...headers },
  });
}

async function render(card: ShareCard, fonts: CardFont[], covers: (codePoint: number) => boolean) {
  const text = (value: string, max: number) => cardText(value, max, covers);
  const title = text(card.title, 280);
  const image = new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: PAPER,
        color: INK,
        fontFamily: CARD_FONT_FAMILY,
        padding: "48px 64px 44px",
        borderTop: `16px solid ${ACCENT}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
        <Line text={text(card.kicker, 60)} size={28} style={{ color: INK_SOFT }} />
        {card.badge ? (
          <div
            style={{
              display: "flex",
              color: card.badge.color,
              border: `4px solid ${card.badge.color}`,
              borderRadius: 12,
              padding: "6px 14px 6px 20px",
            }}
          >
            <Line text={text(card.badge.label, 40)} size={30} style={{ fontWeight: 700 }} />
          </div>
        ) : null}
      </div>
      <div style={{ display: "flex", flexGrow: 1, flexDirection: "column", justifyContent: "center" }}>
        <Line text={title} size={titleSize(title.text.length)} style={{ fontWeight: 700, lineHeight: 1.3 }} />
      </div>
      <Line text={text(card.byline, 110)} size={30} style={{ color: INK_SOFT }} />
      <div
        style={{
          display: "flex",
          marginTop: 20,
          paddingTop: 18,
          borderTop: `2px solid ${INK_SOFT}`,
          color: ACCENT,
        }}
      >
        <Line text={text(card.publisher, 80)} size={30} style={{ fontWeight: 700 }} />
      </div>
    </div>,
    { ...SHARE_CARD_SIZE, fonts },
  );
  return new Uint8Array(await image.arrayBuffer());
}

// The fields of a share card (lib/og/share-card.tsx draws them), apart from the renderer so that pure modules
// (lib/og/claim-card.ts) and their tests need no server code.

export type ShareCard = {
  kicker: string;
  /** A claim's statement, an incident's name: Latin or Arabic script, cut to fit. */
  title: string;
  byline: string;
  /** A status label and its colour; null for a page without one. */
  badge: { label: string; color: string } | null;
  publisher: string;
};

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;
export const SHARE_CARD_TYPE = "image/png";

import {
  CATEGORY_LABEL,
  POSITION_LABEL,
  STATUS_INFO,
  type ClaimCategory,
  type ClaimKind,
  type ClaimStatus,
} from "@/lib/domain/vocabulary";
import { formatClaimDate, type DatePrecision } from "@/lib/domain/claim-date";
import type { ShareCard } from "@/lib/og/share-card-type";

// What a claim's share card says (lib/og/share-card.tsx draws it): the claim page's own labels, and the status
// colours of the light scheme of app/globals.css (--status-*), which tests/share-card-text.test.ts keeps in step.

export const STATUS_COLOR: Record<ClaimStatus, string> = {
  UNVERIFIED: "#4a5560",
  IN_REVIEW: "#124e78",
  DISPUTED: "#8a4b00",
  UNVERIFIABLE: "#5b4a8a",
  MISLEADING: "#8a5a00",
  FALSE: "#a4161a",
  CONFIRMED: "#1b6b3a",
};

export type CardClaim = {
  statement: string;
  status: ClaimStatus;
  kind: ClaimKind;
  category: ClaimCategory;
  claimedAt: Date;
  claimedAtPrecision: DatePrecision;
  claimant: { name: string };
};

/** The badge as the page shows it: a position is recorded, not rated. */
export function claimBadge(claim: Pick<CardClaim, "status" | "kind">): { label: string; color: string } {
  return claim.kind === "POSITION"
    ? { label: POSITION_LABEL, color: STATUS_COLOR.UNVERIFIED }
    : { label: STATUS_INFO[claim.status].label, color: STATUS_COLOR[claim.status] };
}

export function claimShareCard(claim: CardClaim, publisherName: string): ShareCard {
  return {
    kicker: `Claim · ${CATEGORY_LABEL[claim.category]}`,
    title: claim.statement,
    byline: `Claimed by ${claim.claimant.name} · ${formatClaimDate(claim.claimedAt, claim.claimedAtPrecision)}`,
    badge: claimBadge(claim),
    publisher: publisherName,
  };
}

/** The image's alt text (og:image:alt, twitter:image:alt): what the card shows, in words. */
export function claimCardAlt(claim: CardClaim): string {
  return `${claimBadge(claim).label}: “${claim.statement}” — claimed by ${claim.claimant.name}`;
}

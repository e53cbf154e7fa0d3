import type { Metadata } from "next";
import { absoluteUrl, claimUrl, publisher } from "@/lib/domain/site";
import { STATUS_INFO } from "@/lib/domain/vocabulary";
import { claimBadge, claimCardAlt, type CardClaim } from "@/lib/og/claim-card";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE } from "@/lib/og/share-card-type";

// The Open Graph and Twitter card fields of a claim page (app/(public)/claims/[slug]/page.tsx). The image address
// is absolute from SITE_URL and carries the claim's last change, so a social network that keeps images by address
// fetches the new card after an edit (docs/decisions/0030-share-cards.md).

// As the claim page says it under the badge.
const POSITION_MEANING = "A stance, not a checkable fact: we record who holds it and do not rate it.";

type SharedClaim = CardClaim & { slug: string; updatedAt: Date; statusRationale: string | null };

export function claimShareCardPath(slug: string): string {
  return `/claims/${slug}/share-card.png`;
}

export function claimShareMetadata(claim: SharedClaim): {
  openGraph: NonNullable<Metadata["openGraph"]>;
  twitter: NonNullable<Metadata["twitter"]>;
} {
  const image = {
    url: absoluteUrl(`${claimShareCardPath(claim.slug)}?v=${claim.updatedAt.getTime().toString(36)}`),
    ...SHARE_CARD_SIZE,
    alt: claimCardAlt(claim),
    type: SHARE_CARD_TYPE,
  };
  const why =
    claim.kind === "POSITION" ? POSITION_MEANING : (claim.statusRationale ?? STATUS_INFO[claim.status].meaning);
  const full = `${claimBadge(claim).label} — claimed by ${claim.claimant.name}. ${why}`;
  const description = full.length > 200 ? `${full.slice(0, 199)}…` : full;
  return {
    openGraph: { description, url: claimUrl(claim.slug), siteName: publisher().name, images: [image] },
    twitter: { description, images: [image] },
  };
}

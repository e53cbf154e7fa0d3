import type { ReaderClaim } from "@/lib/data/reads/claims";
import { isoClaimDate } from "@/lib/domain/claim-date";
import { STATUS_INFO, isFinalStatus } from "@/lib/domain/vocabulary";

// schema.org ClaimReview for a claim page, following Google's fact-check markup: only for a factual claim with a
// final verdict, rated 1 (False) … 5 (Confirmed) as /methodology publishes. Pure: the page passes the site.

export type ClaimReviewSite = { siteUrl: string; publisherName: string };
/** What the builder reads of a claim: the reader view, in which protected sources have no title or address. */
export type ClaimReviewInput = Pick<
  ReaderClaim,
  "slug" | "statement" | "kind" | "status" | "claimedAt" | "claimedAtPrecision" | "publishedAt" | "statusChanges"
> & {
  claimant: Pick<ReaderClaim["claimant"], "name" | "kind" | "sameAs">;
  sources: ReaderClaim["sources"];
};

export function buildClaimReview(claim: ClaimReviewInput, site: ClaimReviewSite) {
  const rating = STATUS_INFO[claim.status].rating;
  if (claim.kind === "POSITION" || !isFinalStatus(claim.status) || rating === null) return null;
  const url = (path: string) => new URL(path, site.siteUrl).toString();
  // The review is dated when the current verdict was given: the latest change to this status.
  const verdictChange = claim.statusChanges.findLast((c) => c.to === claim.status);
  const reviewed = verdictChange?.createdAt ?? claim.publishedAt;
  // schema.org's Date is ISO 8601, which has reduced precisions: "2026-11" says the month and no more. A date the
  // source does not give is left out (docs/decisions/0024-date-precision.md).
  const claimed = isoClaimDate(claim.claimedAt, claim.claimedAtPrecision);
  const appearance = claim.sources.flatMap((s) =>
    !s.withheld && s.url ? [{ "@type": "CreativeWork", url: s.url }] : [],
  );
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: url(`/claims/${claim.slug}`),
    claimReviewed: claim.statement,
    ...(reviewed ? { datePublished: reviewed.toISOString() } : {}),
    author: { "@type": "Organization", name: site.publisherName, url: url("/") },
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: STATUS_INFO[claim.status].label,
    },
    itemReviewed: {
      "@type": "Claim",
      author: {
        "@type": claim.claimant.kind === "INDIVIDUAL" ? "Person" : "Organization",
        name: claim.claimant.name,
        ...(claim.claimant.sameAs ? { sameAs: claim.claimant.sameAs } : {}),
      },
      ...(claimed ? { datePublished: claimed } : {}),
      ...(appearance.length > 0 ? { appearance } : {}),
    },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. The HTML parser ends a script at "</script" whatever
 * the JSON means, so "<" (and ">", "&", and the line separators old parsers break on) become \u escapes, which
 * JSON reads back as the same characters (Next's JSON-LD guide).
 */
export function jsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

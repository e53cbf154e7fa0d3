import { buildClaimReview, jsonLdScriptContent, type ClaimReviewInput } from "@/lib/domain/claim-review";
import { env } from "@/lib/env";

/**
 * ClaimReview structured data for search engines, or nothing when the claim has no final verdict. The one
 * dangerouslySetInnerHTML here carries JSON, not stored HTML: a script's text cannot be given as React children
 * (they would be entity-escaped, which JSON does not undo), and every "<" in it is escaped so it cannot end the
 * script.
 */
export function ClaimReviewJsonLd({ claim }: { claim: ClaimReviewInput }) {
  const { SITE_URL, PUBLISHER_NAME } = env();
  const review = buildClaimReview(claim, { siteUrl: SITE_URL, publisherName: PUBLISHER_NAME });
  if (!review) return null;
  return (
    <script
      type="application/ld+json"
      data-testid="claim-review"
      dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(review) }}
    />
  );
}

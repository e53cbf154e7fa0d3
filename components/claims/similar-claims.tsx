import { ClaimListItem } from "@/components/claims/claim-list-item";
import type { ClaimSummary } from "@/lib/data/reads/claims";

/** Published claims worded like this one (lib/data/reads/similar-claims.ts): found by shared words, not chosen by an editor. */
export function SimilarClaims({ claims }: { claims: ClaimSummary[] }) {
  return (
    <section aria-labelledby="similar-heading" data-testid="similar-claims">
      <h2 id="similar-heading">Similar claims</h2>
      {claims.length === 0 ? (
        <p className="muted">No similar claims.</p>
      ) : (
        <>
          <p className="small muted">
            Other published claims in similar words, found automatically. They may be about another event.
          </p>
          <ul className="claim-list" aria-labelledby="similar-heading">
            {claims.map((claim) => (
              <ClaimListItem key={claim.slug} claim={claim} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

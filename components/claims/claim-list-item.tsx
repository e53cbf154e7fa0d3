import { ClaimDate } from "@/components/claims/claim-date";
import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import { Highlighted } from "@/components/search/highlighted";
import type { ClaimSummary } from "@/lib/data/reads/claims";
import type { SearchMatch } from "@/lib/sqlite/search";
import { CATEGORY_LABEL } from "@/lib/domain/vocabulary";

/** One claim in a list; with `match` (a search result), the searched words are marked and quoted in context. */
export function ClaimListItem({
  claim,
  extra,
  match,
}: {
  claim: ClaimSummary;
  extra?: React.ReactNode;
  match?: SearchMatch | null;
}) {
  return (
    <li className="claim-item">
      <h3>
        <Link href={`/claims/${claim.slug}`}>
          {match ? <Highlighted segments={match.statement} /> : claim.statement}
        </Link>
      </h3>
      <div className="claim-meta">
        <StatusBadge status={claim.status} kind={claim.kind} />
        <span>
          Claimed by{" "}
          <Link href={`/actors/${claim.claimant.slug}`}>
            {match?.claimantName ? <Highlighted segments={match.claimantName} /> : claim.claimant.name}
          </Link>
        </span>
        <span>
          <ClaimDate at={claim.claimedAt} precision={claim.claimedAtPrecision} />
        </span>
        <span className="tag">{CATEGORY_LABEL[claim.category]}</span>
        {extra}
      </div>
      {match?.originalText ? (
        <p className="search-snippet" data-testid="snippet">
          <span className="muted">Original wording: </span>
          <q lang={claim.originalLanguage ?? undefined} dir="auto">
            <Highlighted segments={match.originalText} />
          </q>
        </p>
      ) : null}
      {match?.statusRationale ? (
        <p className="search-snippet" data-testid="snippet">
          <span className="muted">Our rationale: </span>
          <Highlighted segments={match.statusRationale} />
        </p>
      ) : null}
    </li>
  );
}

import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import type { ClaimSummary } from "@/lib/data/claims";
import { formatDay } from "@/lib/format";
import { CATEGORY_LABEL } from "@/lib/vocabulary";

export function ClaimListItem({ claim, extra }: { claim: ClaimSummary; extra?: React.ReactNode }) {
  return (
    <li className="claim-item">
      <h3>
        <Link href={`/claims/${claim.slug}`}>{claim.statement}</Link>
      </h3>
      <div className="claim-meta">
        <StatusBadge status={claim.status} kind={claim.kind} />
        <span>
          Claimed by <Link href={`/actors/${claim.claimant.slug}`}>{claim.claimant.name}</Link>
        </span>
        <span>
          <time dateTime={claim.claimedAt.toISOString()}>{formatDay(claim.claimedAt)}</time>
        </span>
        <span className="tag">{CATEGORY_LABEL[claim.category]}</span>
        {extra}
      </div>
    </li>
  );
}

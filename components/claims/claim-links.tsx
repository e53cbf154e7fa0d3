import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import type { ReaderLink } from "@/lib/data/reads/claims";
import { LINK_LABEL } from "@/lib/domain/vocabulary";

export function ClaimLinks({ links }: { links: ReaderLink[] }) {
  if (links.length === 0) return <p className="muted">No counter-claims or related claims are linked.</p>;
  return (
    <ul className="claim-list" data-testid="claim-links">
      {links.map((link, i) => (
        <li key={i} className="claim-item" data-link-type={link.type}>
          <p className="small muted">
            <strong>{LINK_LABEL[link.type][link.direction]}</strong> · {link.other.claimant.name}
          </p>
          <Link href={`/claims/${link.other.slug}`}>{link.other.statement}</Link>
          <div className="claim-meta">
            <StatusBadge status={link.other.status} kind={link.other.kind} />
          </div>
          {link.note ? <p className="small">{link.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

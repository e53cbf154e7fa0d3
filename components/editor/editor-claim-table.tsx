import { ClaimDate } from "@/components/claims/claim-date";
import Link from "next/link";
import { StatusBadge } from "@/components/claims/status-badge";
import type { EditorClaimRow } from "@/lib/data/reads/editor-claim-list";
import { formatDateTime } from "@/lib/domain/format";

export function EditorClaimTable({ claims }: { claims: EditorClaimRow[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="editor-claims">
        <caption className="visually-hidden">Claims, drafts included</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Claimant</th>
            <th scope="col">Status</th>
            <th scope="col">Assigned to</th>
            <th scope="col">Readers</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.id} data-slug={c.slug}>
              <td>
                <Link href={`/editor/claims/${c.id}`}>{c.statement}</Link>
                <div className="muted small">
                  Claimed: <ClaimDate at={c.claimedAt} precision={c.claimedAtPrecision} />
                </div>
              </td>
              <td>{c.claimant.name}</td>
              <td>
                <StatusBadge status={c.status} kind={c.kind} />
              </td>
              <td data-testid="assignee">{c.assignee ? c.assignee.name : <span className="muted">Nobody</span>}</td>
              <td>
                {c.publishedAt ? (
                  <>
                    <span className="badge badge-published">Published</span>{" "}
                    <Link className="small" href={`/claims/${c.slug}`}>
                      View<span className="visually-hidden"> “{c.statement}” as readers see it</span>
                    </Link>
                  </>
                ) : (
                  <span className="badge badge-draft">Draft</span>
                )}
              </td>
              <td className="small">
                <time dateTime={c.updatedAt.toISOString()}>{formatDateTime(c.updatedAt)}</time>
                {c.updatedBy ? <div className="muted">{c.updatedBy.name}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

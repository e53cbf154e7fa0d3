import { ChangeAuthors } from "@/components/claims/change-authors";
import type { EditorClaim } from "@/lib/data/reads/editor-claim-detail";
import { formatDateTime } from "@/lib/domain/format";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

export function StatusHistory({ changes }: { changes: EditorClaim["statusChanges"] }) {
  if (changes.length === 0) return <p className="muted">No status changes yet.</p>;
  return (
    <ol className="timeline" data-testid="editor-status-history">
      {changes.map((c) => (
        <li key={c.id}>
          <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
          <p>
            <strong>
              {STATUS_INFO[c.from].label} → {STATUS_INFO[c.to].label}
            </strong>
            {c.isCorrection ? <span className="tag"> Correction</span> : null}
            <ChangeAuthors editor={c.editor} proposedBy={c.proposedBy} />
          </p>
          <p className="small">{c.rationale}</p>
        </li>
      ))}
    </ol>
  );
}

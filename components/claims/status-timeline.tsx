import { ChangeAuthors } from "@/components/claims/change-authors";
import type { ReaderClaim } from "@/lib/data/reads/claims";
import { formatDateTime } from "@/lib/domain/format";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

type Change = ReaderClaim["statusChanges"][number];
type Event = { at: Date; change: Change | null };

/** Every status change in time order, with the moment of publication among them. */
export function StatusTimeline({ changes, publishedAt }: { changes: Change[]; publishedAt: Date | null }) {
  const events: Event[] = changes.map((change) => ({ at: change.createdAt, change }));
  if (publishedAt) events.push({ at: publishedAt, change: null });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <>
      <ol className="timeline" data-testid="status-timeline">
        {events.map(({ at, change }, i) => (
          <li key={i}>
            <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>
            {change ? (
              <>
                <p>
                  <strong>
                    {STATUS_INFO[change.from].label} → {STATUS_INFO[change.to].label}
                  </strong>
                  {change.isCorrection ? <span className="tag"> Correction</span> : null}
                  <ChangeAuthors editor={change.editor} proposedBy={change.proposedBy} />
                </p>
                <p className="small">{change.rationale}</p>
              </>
            ) : (
              <p>Published.</p>
            )}
          </li>
        ))}
      </ol>
      {changes.length === 0 ? <p className="muted">No status changes yet: the claim has not been assessed.</p> : null}
    </>
  );
}

import Link from "next/link";
import { RemoveButton, type RemoveAction } from "@/components/editor/remove-button";
import type { EditorClaim } from "@/lib/data/reads/editor-claim-detail";
import { LINK_LABEL } from "@/lib/domain/vocabulary";

/** Links from this claim (removable here) and links to it from others (edited on the claim they start from). */
export function LinkList({
  outgoing,
  incoming,
  remove,
}: {
  outgoing: EditorClaim["linksFrom"];
  incoming: EditorClaim["linksTo"];
  remove: RemoveAction<{ linkId: number }>;
}) {
  if (outgoing.length === 0 && incoming.length === 0) return <p className="empty">No links to other claims.</p>;
  return (
    <ul className="editor-list" data-testid="editor-links">
      {outgoing.map((l) => (
        <li key={`o${l.id}`} className="editor-row">
          <div>
            <p>
              <strong>{LINK_LABEL[l.type].outgoing}</strong>:{" "}
              <Link href={`/editor/claims/${l.to.id}`}>{l.to.statement}</Link>
              {l.to.publishedAt ? null : <span className="muted small"> (draft)</span>}
            </p>
            {l.note ? <p className="small">{l.note}</p> : null}
          </div>
          <RemoveButton
            label={`Remove link: ${LINK_LABEL[l.type].outgoing} ${l.to.slug}`}
            action={remove}
            target={{ linkId: l.id }}
          />
        </li>
      ))}
      {incoming.map((l) => (
        <li key={`i${l.id}`} className="editor-row">
          <div>
            <p>
              <strong>{LINK_LABEL[l.type].incoming}</strong>:{" "}
              <Link href={`/editor/claims/${l.from.id}`}>{l.from.statement}</Link>
              {l.from.publishedAt ? null : <span className="muted small"> (draft)</span>}
            </p>
            <p className="small muted">This link belongs to the other claim: change it there.</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

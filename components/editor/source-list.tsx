import { RemoveButton, type RemoveAction } from "@/components/editor/remove-button";
import type { EditorClaim } from "@/lib/data/reads/editor-claim-detail";
import { formatDay } from "@/lib/domain/format";
import { linkHost } from "@/lib/domain/link-host";
import { SOURCE_TYPE_LABEL, STANCE_LABEL } from "@/lib/domain/vocabulary";

/** The claim's sources as editors see them: protected ones in full, marked, with the reason readers get instead. */
export function SourceList({
  sources,
  remove,
}: {
  sources: EditorClaim["sources"];
  remove: RemoveAction<{ sourceId: number }>;
}) {
  if (sources.length === 0) return <p className="empty">No sources yet. A final verdict needs at least one.</p>;
  return (
    <ul className="editor-list" data-testid="editor-sources">
      {sources.map(({ id, stance, note, source }) => (
        <li key={id} className="editor-row">
          <div>
            <p>
              <span className="tag">{STANCE_LABEL[stance]}</span>{" "}
              {source.url ? (
                <>
                  <a href={source.url} rel="nofollow noopener">
                    {source.title}
                  </a>{" "}
                  <LinkHostNote url={source.url} />
                </>
              ) : (
                <strong>{source.title}</strong>
              )}
              {source.publisher ? <> — {source.publisher}</> : null}{" "}
              <span className="muted small">{SOURCE_TYPE_LABEL[source.type]}</span>
              {source.publishedAt ? <span className="muted small"> · {formatDay(source.publishedAt)}</span> : null}
            </p>
            {source.protected ? (
              <p className="small">
                <span className="badge badge-protected">Protected</span> Readers see only: “{source.protectedReason}”
              </p>
            ) : null}
            {source.archiveUrl ? (
              <p className="small">
                <a href={source.archiveUrl} rel="nofollow noopener">
                  Archived copy
                </a>{" "}
                <LinkHostNote url={source.archiveUrl} />
              </p>
            ) : null}
            {source.derivedFrom ? <p className="small muted">Repeats: {source.derivedFrom.title}</p> : null}
            {note ? <p className="small">{note}</p> : null}
          </div>
          <RemoveButton label={`Remove source: ${source.title}`} action={remove} target={{ sourceId: source.id }} />
        </li>
      ))}
    </ul>
  );
}

/** The host the link really goes to, in punycode for an internationalised one, so look-alike hosts stand out. */
function LinkHostNote({ url }: { url: string }) {
  const link = linkHost(url);
  if (!link) return null;
  return (
    <span className="muted small" data-testid="source-host">
      ({link.host}
      {link.internationalised ? <strong> — internationalised address, shown in punycode</strong> : null})
    </span>
  );
}

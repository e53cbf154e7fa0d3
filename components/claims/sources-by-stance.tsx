import type { ReaderSource } from "@/lib/data/reads/claims";
import { formatDay } from "@/lib/domain/format";
import { SOURCE_TYPE_LABEL, STANCE_LABEL, STANCES } from "@/lib/domain/vocabulary";

export function SourcesByStance({ sources, independent }: { sources: ReaderSource[]; independent: number }) {
  if (sources.length === 0) return <p className="empty">No sources are linked to this claim yet.</p>;
  return (
    <div data-testid="sources">
      <p className="muted small">
        {sources.length} {sources.length === 1 ? "source" : "sources"}, {independent} independent (a source that repeats
        another counts once).
      </p>
      {STANCES.map((stance) => {
        const group = sources.filter((s) => s.stance === stance);
        if (group.length === 0) return null;
        return (
          <section key={stance} aria-labelledby={`stance-${stance}`} data-stance={stance}>
            <h3 id={`stance-${stance}`}>{STANCE_LABEL[stance]}</h3>
            <ul className="stack">
              {group.map((s) => (
                <li key={s.key}>
                  {s.withheld ? (
                    <>
                      <strong>Identity withheld</strong> <span className="tag">{SOURCE_TYPE_LABEL[s.type]}</span>
                      <p className="small muted">Why: {s.reason}</p>
                    </>
                  ) : (
                    <>
                      {s.url ? (
                        <a href={s.url} rel="nofollow noopener">
                          {s.title}
                        </a>
                      ) : (
                        <strong>{s.title}</strong>
                      )}
                      {s.publisher ? <> — {s.publisher}</> : null}{" "}
                      <span className="tag">{SOURCE_TYPE_LABEL[s.type]}</span>
                      {s.publishedAt ? (
                        <span className="small muted">
                          {" "}
                          · <time dateTime={s.publishedAt.toISOString()}>{formatDay(s.publishedAt)}</time>
                        </span>
                      ) : null}
                      {s.archiveUrl ? (
                        <span className="small">
                          {" "}
                          ·{" "}
                          <a href={s.archiveUrl} rel="nofollow noopener">
                            archived copy
                          </a>
                        </span>
                      ) : null}
                      {s.derivedFrom ? (
                        <p className="small muted">
                          Repeats: {s.derivedFrom.title}
                          {s.derivedFrom.publisher ? ` (${s.derivedFrom.publisher})` : ""}
                        </p>
                      ) : null}
                    </>
                  )}
                  {s.note ? <p className="small">{s.note}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

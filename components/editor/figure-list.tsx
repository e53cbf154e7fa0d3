import { RemoveButton, type RemoveAction } from "@/components/editor/remove-button";
import type { EditorClaim } from "@/lib/data/reads/editor-claim-detail";
import { formatCount, formatDay } from "@/lib/domain/format";
import { OUTCOME_LABEL, POPULATION_LABEL } from "@/lib/domain/vocabulary";

const range = (min: number, max: number) =>
  min === max ? formatCount(min) : `${formatCount(min)}–${formatCount(max)}`;

export function FigureList({
  figures,
  remove,
}: {
  figures: EditorClaim["figures"];
  remove: RemoveAction<{ figureId: number }>;
}) {
  if (figures.length === 0) return <p className="empty">No casualty figures yet.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="editor-figures">
        <caption>Casualty figures, one row per reporter</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Figure
            </th>
            <th scope="col">Reported by</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const description = `${POPULATION_LABEL[f.population]} ${OUTCOME_LABEL[f.outcome].toLowerCase()} ${range(f.min, f.max)}, by ${f.reportedBy.name}`;
            return (
              <tr key={f.id}>
                <td>{POPULATION_LABEL[f.population]}</td>
                <td>{OUTCOME_LABEL[f.outcome]}</td>
                <td className="num">{range(f.min, f.max)}</td>
                <td>
                  {f.reportedBy.name}
                  {f.reportedAt ? <span className="muted small"> · {formatDay(f.reportedAt)}</span> : null}
                  {f.note ? <p className="small">{f.note}</p> : null}
                </td>
                <td>
                  {f.source?.title ??
                    (f.noSourceReason ? (
                      <span className="muted">No source named: {f.noSourceReason}</span>
                    ) : (
                      <span className="muted">—</span>
                    ))}
                </td>
                <td>
                  <RemoveButton label={`Remove figure: ${description}`} action={remove} target={{ figureId: f.id }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

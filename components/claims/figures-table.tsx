import type { ReaderFigure } from "@/lib/data/reads/claims";
import { formatRange, groupFigures, reporterCount } from "@/lib/domain/figures";
import { countOf, formatDay } from "@/lib/domain/format";
import { OUTCOME_LABEL, POPULATION_LABEL } from "@/lib/domain/vocabulary";

/** `countReporters`: an incident page gathers several claims' figures, so its spread rows say from how many reporters. */
export function FiguresTable({
  figures,
  countReporters = false,
}: {
  figures: ReaderFigure[];
  countReporters?: boolean;
}) {
  const groups = groupFigures(figures);
  return (
    <div className="table-wrap">
      <table data-testid="figures-table">
        <caption>Casualty figures as each reporter gave them, with the spread per group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Reported by</th>
            <th scope="col" className="num">
              Figure
            </th>
            <th scope="col">Source</th>
            <th scope="col">Reported</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const name = `${POPULATION_LABEL[group.population]} ${OUTCOME_LABEL[group.outcome].toLowerCase()}`;
            return [
              ...group.figures.map((f, i) => (
                <tr key={`${name}-${i}`}>
                  <th scope="row">{name}</th>
                  <td>{f.reportedBy.name}</td>
                  <td className="num">{formatRange(f.min, f.max)}</td>
                  <td>
                    {f.source ? (
                      f.source.url ? (
                        <a href={f.source.url} rel="nofollow noopener">
                          {f.source.title}
                        </a>
                      ) : (
                        f.source.title
                      )
                    ) : f.noSourceReason ? (
                      <span className="muted">No source named: {f.noSourceReason}</span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {f.reportedAt ? <time dateTime={f.reportedAt.toISOString()}>{formatDay(f.reportedAt)}</time> : "—"}
                  </td>
                </tr>
              )),
              <tr key={`${name}-spread`} className="spread-row">
                <th scope="row">{name}: spread</th>
                <td>
                  {group.figures.length} {group.figures.length === 1 ? "report" : "reports"}
                  {countReporters ? ` from ${countOf(reporterCount(group.figures), "reporter")}` : null}
                </td>
                <td className="num">
                  <strong>{formatRange(group.spread.min, group.spread.max)}</strong>
                </td>
                <td colSpan={2} className="muted">
                  Lowest minimum to highest maximum; not an estimate of our own.
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}

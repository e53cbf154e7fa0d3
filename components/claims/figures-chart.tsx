import type { ReaderFigure } from "@/lib/data/reads/claims";
import { formatRange, groupFigures, niceScaleMax } from "@/lib/domain/figures";
import { OUTCOME_LABEL, POPULATION_LABEL } from "@/lib/domain/vocabulary";
import { countOf } from "@/lib/domain/format";

// A range chart drawn on the server: one bar per report from its min to its max (a dot when min = max) and a
// spread band per group, on one shared scale so groups can be compared. The table beside it carries the numbers.
const WIDTH = 720;
const LABEL_W = 220;
const ROW_H = 26;
const GROUP_GAP = 18;
const AXIS_H = 30;

export function FiguresChart({ figures }: { figures: ReaderFigure[] }) {
  const groups = groupFigures(figures);
  const scaleMax = niceScaleMax(Math.max(...figures.map((f) => f.max), 1));
  const plotW = WIDTH - LABEL_W - 20;
  const x = (v: number) => LABEL_W + (v / scaleMax) * plotW;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => Math.round(t * scaleMax));

  let y = 8;
  const rows: React.ReactNode[] = [];
  groups.forEach((group, gi) => {
    const name = `${POPULATION_LABEL[group.population]} ${OUTCOME_LABEL[group.outcome].toLowerCase()}`;
    const top = y;
    rows.push(
      <text key={`g${gi}`} x={0} y={y + 14} fontWeight={700} fontSize={13}>
        {name}
      </text>,
    );
    y += ROW_H;
    group.figures.forEach((f, fi) => {
      const cy = y + ROW_H / 2 - 4;
      rows.push(
        <g key={`g${gi}f${fi}`}>
          <title>{`${f.reportedBy.name}: ${formatRange(f.min, f.max)}`}</title>
          <text x={12} y={cy + 4} fontSize={12}>
            {f.reportedBy.name.length > 28 ? `${f.reportedBy.name.slice(0, 27)}…` : f.reportedBy.name}
          </text>
          {f.min === f.max ? (
            <circle cx={x(f.min)} cy={cy} r={5} fill="#124e78" />
          ) : (
            <rect x={x(f.min)} y={cy - 5} width={Math.max(2, x(f.max) - x(f.min))} height={10} rx={3} fill="#124e78" />
          )}
          {/* The label goes right of the bar, or left of it when the bar reaches the edge. */}
          {x(f.max) + 70 < WIDTH ? (
            <text x={x(f.max) + 8} y={cy + 4} fontSize={12}>
              {formatRange(f.min, f.max)}
            </text>
          ) : (
            <text x={x(f.min) - 8} y={cy + 4} fontSize={12} textAnchor="end">
              {formatRange(f.min, f.max)}
            </text>
          )}
        </g>,
      );
      y += ROW_H;
    });
    // The spread band sits behind the group's bars.
    rows.unshift(
      <rect
        key={`band${gi}`}
        x={x(group.spread.min)}
        y={top + ROW_H - 2}
        width={Math.max(2, x(group.spread.max) - x(group.spread.min))}
        height={y - top - ROW_H}
        fill="#f3c98b"
        opacity={0.45}
      />,
    );
    y += GROUP_GAP;
  });
  const height = y + AXIS_H;

  const summary = groups
    .map(
      (g) =>
        `${POPULATION_LABEL[g.population]} ${OUTCOME_LABEL[g.outcome].toLowerCase()}: ${formatRange(g.spread.min, g.spread.max)} across ${countOf(g.figures.length, "report")}`,
    )
    .join("; ");

  return (
    <figure className="chart" data-testid="figures-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="figures-chart-title figures-chart-desc">
        <title id="figures-chart-title">Range of reported casualty figures by reporter</title>
        <desc id="figures-chart-desc">{summary}</desc>
        {rows}
        <line x1={LABEL_W} x2={WIDTH - 20} y1={y} y2={y} stroke="#4a5560" />
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={y} y2={y + 5} stroke="#4a5560" />
            <text x={x(t)} y={y + 18} fontSize={11} textAnchor="middle">
              {new Intl.NumberFormat("en").format(t)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted small">
        Bars run from each reporter&apos;s lowest to highest figure; the shaded band is the spread across reporters.
      </figcaption>
    </figure>
  );
}

import type { ReaderFigure } from "@/lib/data/reads/claims";
import { charsThatFit, wrapLabel } from "@/components/claims/chart-labels";
import { formatRange, groupFigures, niceScaleMax, type FigureGroup } from "@/lib/domain/figures";
import { OUTCOME_LABEL, POPULATION_LABEL } from "@/lib/domain/vocabulary";
import { countOf } from "@/lib/domain/format";

// A range chart drawn on the server: one bar per report from its min to its max (a dot when min = max) and a
// spread band per group, on one shared scale so groups can be compared. The table beside it carries the numbers.
// It is drawn twice, for wide and for narrow screens, and CSS shows one (app/globals.css, .chart-wide and
// .chart-narrow): a single drawing scaled down to a phone made its labels about 5 px. The narrow one puts each
// label on its own line above its bar; both wrap long names rather than cut them. Text sizes are in user units,
// and each drawing is shown at about its own width or wider, so they stay at least 12 px on screen.

type Layout = {
  variant: "wide" | "narrow";
  width: number;
  /** where bars start; the narrow drawing puts labels above the bars, so its bars use the whole width */
  plotLeft: number;
  plotRight: number;
  font: number;
  lineH: number;
  ticks: number[];
};

const WIDE: Layout = {
  variant: "wide",
  width: 640,
  plotLeft: 210,
  plotRight: 620,
  font: 13,
  lineH: 16,
  ticks: [0, 0.25, 0.5, 0.75, 1],
};
const NARROW: Layout = {
  variant: "narrow",
  width: 300,
  plotLeft: 6,
  plotRight: 294,
  font: 13,
  lineH: 17,
  ticks: [0, 0.5, 1],
};
const BAR_ROW = 20;
const GROUP_GAP = 16;

type Figure = ReaderFigure;

export function FiguresChart({ figures }: { figures: ReaderFigure[] }) {
  const groups = groupFigures(figures);
  const scaleMax = niceScaleMax(Math.max(...figures.map((f) => f.max), 1));
  const summary = groups
    .map(
      (g) =>
        `${POPULATION_LABEL[g.population]} ${OUTCOME_LABEL[g.outcome].toLowerCase()}: ${formatRange(g.spread.min, g.spread.max)} across ${countOf(g.figures.length, "report")}`,
    )
    .join("; ");

  return (
    <figure className="chart" data-testid="figures-chart">
      <Drawing layout={WIDE} groups={groups} scaleMax={scaleMax} summary={summary} />
      <Drawing layout={NARROW} groups={groups} scaleMax={scaleMax} summary={summary} />
      <figcaption className="muted small">
        Bars run from each reporter&apos;s lowest to highest figure; the shaded band is the spread across reporters.
      </figcaption>
    </figure>
  );
}

function Drawing({
  layout,
  groups,
  scaleMax,
  summary,
}: {
  layout: Layout;
  groups: FigureGroup<Figure>[];
  scaleMax: number;
  summary: string;
}) {
  const { variant, width, plotLeft, plotRight, font, lineH } = layout;
  const x = (v: number) => plotLeft + (v / scaleMax) * (plotRight - plotLeft);
  const rangeW = (text: string) => text.length * font * 0.62;
  const rows: React.ReactNode[] = [];
  const bands: React.ReactNode[] = [];
  let y = 4;

  groups.forEach((group, gi) => {
    const name = `${POPULATION_LABEL[group.population]} ${OUTCOME_LABEL[group.outcome].toLowerCase()}`;
    y += lineH;
    rows.push(
      <text key={`g${gi}`} x={0} y={y - 4} fontWeight={700} fontSize={font}>
        {name}
      </text>,
    );
    const barsTop = y;
    group.figures.forEach((f, fi) => {
      const range = formatRange(f.min, f.max);
      // Wide: the name beside the bar, wrapped within the label column. Narrow: "name: range" above the bar.
      const label =
        variant === "wide"
          ? wrapLabel(f.reportedBy.name, charsThatFit(plotLeft - 18, font))
          : wrapLabel(`${f.reportedBy.name}: ${range}`, charsThatFit(width - 12, font));
      const labelTop = y;
      const labelH = label.length * lineH;
      const cy = variant === "wide" ? y + Math.max(labelH, BAR_ROW) / 2 : y + labelH + BAR_ROW / 2 - 2;
      const lines = label.map((line, li) => (
        <tspan key={li} x={variant === "wide" ? 12 : 6} y={labelTop + (li + 1) * lineH - 4}>
          {line}
        </tspan>
      ));
      rows.push(
        <g key={`g${gi}f${fi}`}>
          <title>{`${f.reportedBy.name}: ${range}`}</title>
          <text fontSize={font}>{lines}</text>
          {f.min === f.max ? (
            <circle className="chart-bar" cx={x(f.min)} cy={cy} r={5} />
          ) : (
            <rect
              className="chart-bar"
              x={x(f.min)}
              y={cy - 5}
              width={Math.max(2, x(f.max) - x(f.min))}
              height={10}
              rx={3}
            />
          )}
          {/* Wide only: the range goes right of the bar, or left of it when the bar reaches the edge. */}
          {variant === "wide" &&
            (x(f.max) + 8 + rangeW(range) < width ? (
              <text x={x(f.max) + 8} y={cy + 4} fontSize={font}>
                {range}
              </text>
            ) : (
              <text x={x(f.min) - 8} y={cy + 4} fontSize={font} textAnchor="end">
                {range}
              </text>
            ))}
        </g>,
      );
      y += variant === "wide" ? Math.max(labelH, BAR_ROW) + 6 : labelH + BAR_ROW + 4;
    });
    // The spread band sits behind the group's bars.
    bands.push(
      <rect
        key={`band${gi}`}
        className="chart-band"
        x={x(group.spread.min)}
        y={barsTop - 2}
        width={Math.max(2, x(group.spread.max) - x(group.spread.min))}
        height={y - barsTop}
      />,
    );
    y += GROUP_GAP;
  });
  const height = y + 26;
  const id = `figures-chart-${variant}`;

  return (
    <svg
      className={`chart-${variant}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>Range of reported casualty figures by reporter</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {bands}
      {rows}
      <line className="chart-axis" x1={plotLeft} x2={plotRight} y1={y} y2={y} />
      {layout.ticks.map((t, ti) => {
        const value = Math.round(t * scaleMax);
        // The first and last tick labels are anchored inwards, so they never run past the drawing's edges.
        const anchor = ti === 0 && variant === "narrow" ? "start" : ti === layout.ticks.length - 1 ? "end" : "middle";
        return (
          <g key={t}>
            <line className="chart-axis" x1={x(value)} x2={x(value)} y1={y} y2={y + 5} />
            <text x={x(value)} y={y + 20} fontSize={font} textAnchor={anchor}>
              {new Intl.NumberFormat("en").format(value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// What a casualty figure needs, in one place for the figure form's schema (lib/validation/figure.ts, which the
// import's figures go through too) and the seed's writer (prisma/claim-relations.ts). The database's CHECK
// (0 <= min <= max, prisma/migrations/20261125000000_init/migration.sql) stays as the last guard. Client-safe.

/** More people than any report about one incident counts: a figure above it is a typing slip. */
export const FIGURE_MAX = 10_000_000;

export const FIGURE_LABEL = { min: "The lowest figure", max: "The highest figure" } as const;

/** One number of a figure: a count of people, whole and not negative. null when it is fine. */
export function countProblem(label: string, value: number): string | null {
  if (!Number.isInteger(value)) return `${label} must be a whole number (no fractions).`;
  if (value < 0) return `${label} cannot be negative.`;
  if (value > FIGURE_MAX)
    return `${label} is implausibly large (over ${new Intl.NumberFormat("en").format(FIGURE_MAX)}).`;
  return null;
}

/** A single number has min = max; a range never runs backwards. null when it is fine. */
export function rangeProblem(min: number, max: number): string | null {
  return min > max
    ? `${FIGURE_LABEL.max} cannot be below the lowest (${min}). For a single number, enter it in both.`
    : null;
}

/** A figure without a source says why in at least this many characters ("the source is protected" is too short). */
export const NO_SOURCE_REASON_MIN = 10;
export const NO_SOURCE_REASON_MAX = 500;

export const FIGURE_SOURCE_MISSING =
  "Choose the source that gives this figure (one of the claim's sources), or say below why none can be named.";

/**
 * A figure cites one of its claim's sources, or says why none can be named (CasualtyFigure.noSourceReason): a number
 * nobody can trace is not shown as if it were sourced. A source and a reason together contradict each other. null
 * when it is fine; that the source is one of the claim's own is checked where the claim's sources are known.
 */
export function figureSourceProblem(figure: {
  sourceId?: number | null;
  noSourceReason?: string | null;
}): { field: "sourceId" | "noSourceReason"; message: string } | null {
  const reason = figure.noSourceReason?.trim() ?? "";
  const hasSource = figure.sourceId !== undefined && figure.sourceId !== null;
  if (hasSource && reason)
    return { field: "noSourceReason", message: "A source is chosen: clear the reason, or clear the source." };
  if (hasSource) return null;
  if (!reason) return { field: "sourceId", message: FIGURE_SOURCE_MISSING };
  if (reason.length < NO_SOURCE_REASON_MIN)
    return {
      field: "noSourceReason",
      message: `Say why no source can be named in at least ${NO_SOURCE_REASON_MIN} characters.`,
    };
  return null;
}

export type FigureProblem = { field: "min" | "max"; message: string };

/** Every rule a figure's numbers break, keyed by field; [] when none (its source: figureSourceProblem). */
export function figureProblems(figure: { min: number; max: number }): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (const field of ["min", "max"] as const) {
    const message = countProblem(FIGURE_LABEL[field], figure[field]);
    if (message) problems.push({ field, message });
  }
  const range = problems.length ? null : rangeProblem(figure.min, figure.max);
  if (range) problems.push({ field: "max", message: range });
  return problems;
}

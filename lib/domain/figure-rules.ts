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

export type FigureProblem = { field: "min" | "max"; message: string };

/** Every rule a figure's numbers break, keyed by field; [] when none. */
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

import type { Outcome, Population } from "@/lib/domain/vocabulary";

// Casualty figures are kept per reporter and never averaged: the reader sees each report and the spread.

export type FigureLike = { population: Population; outcome: Outcome; min: number; max: number };

export type FigureGroup<F extends FigureLike> = {
  population: Population;
  outcome: Outcome;
  figures: F[];
  /** lowest min and highest max across reporters */
  spread: { min: number; max: number };
};

const POPULATION_ORDER: Population[] = ["CIVILIANS", "SECURITY_FORCES", "MILITANTS", "UNSPECIFIED"];
const OUTCOME_ORDER: Outcome[] = ["KILLED", "INJURED"];

export function groupFigures<F extends FigureLike>(figures: F[]): FigureGroup<F>[] {
  const groups = new Map<string, FigureGroup<F>>();
  for (const f of figures) {
    const key = `${f.population}/${f.outcome}`;
    const group = groups.get(key);
    if (group) {
      group.figures.push(f);
      group.spread.min = Math.min(group.spread.min, f.min);
      group.spread.max = Math.max(group.spread.max, f.max);
    } else {
      groups.set(key, {
        population: f.population,
        outcome: f.outcome,
        figures: [f],
        spread: { min: f.min, max: f.max },
      });
    }
  }
  const rank = (g: FigureGroup<F>) => OUTCOME_ORDER.indexOf(g.outcome) * 10 + POPULATION_ORDER.indexOf(g.population);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

export function formatRange(min: number, max: number): string {
  const fmt = new Intl.NumberFormat("en");
  return min === max ? fmt.format(min) : `${fmt.format(min)}–${fmt.format(max)}`;
}

/** A scale maximum with round ticks, so bars of different groups can be compared by eye. */
export function niceScaleMax(value: number): number {
  if (value <= 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * How many different reporters a group's figures come from: an incident page gathers the figures of several claims,
 * and one reporter may give a figure in more than one of them. Figures are matched by the reporter's slug.
 */
export function reporterCount(figures: { reportedBy: { slug: string } }[]): number {
  return new Set(figures.map((f) => f.reportedBy.slug)).size;
}

import type { ImportIssue } from "@/lib/data-io/issues";
import { isoDay } from "@/lib/domain/format";
import { dayToDate } from "@/lib/validation/fields";

// What planning an import produces (lib/data-io/plan.ts): the problems found against the database, the counts
// for the report, and the rows to write (lib/data-io/write.ts). Client-safe types: the admin page shows the counts.

export type Row = Record<string, unknown>;

export type Counts = { created: number; updated: number; unchanged: number };
export type ImportCounts = {
  actors: Counts;
  incidents: Counts;
  sources: Counts;
  claims: Counts;
  claimSources: { added: number; removed: number };
  figures: { added: number; removed: number };
  links: { added: number; removed: number };
  statusChanges: { added: number };
  notes: { added: number };
};

export type ClaimAudit = {
  claimId: number;
  action: "import-create" | "import-update";
  changes: Record<string, unknown>;
};

export type ImportWrites = {
  actors: { insert: Row[]; update: Row[] };
  incidents: { insert: Row[]; update: Row[] };
  /** new sources are inserted without derivedFromId; `derive` sets it once every source has its id */
  sources: { insert: Row[]; update: Row[]; derive: Row[] };
  claims: { insert: Row[]; update: Row[] };
  claimSources: { remove: number[]; insert: Row[] };
  /** claims whose figures are replaced */
  figures: { replaceFor: number[]; insert: Row[] };
  links: { remove: number[]; insert: Row[] };
  /** claims whose list of actors it is about is replaced (docs/decisions/0029-claims-about-actors.md) */
  about: { replaceFor: number[]; insert: Row[] };
  statusChanges: { insert: Row[] };
  notes: { insert: Row[] };
  claimAudit: ClaimAudit[];
};

export type Plan = { issues: ImportIssue[]; counts: ImportCounts; writes: ImportWrites };

export type PlanContext = { userId: number | null; now: Date };

const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

export function emptyPlan(): Plan {
  return {
    issues: [],
    counts: {
      actors: counts(),
      incidents: counts(),
      sources: counts(),
      claims: counts(),
      claimSources: { added: 0, removed: 0 },
      figures: { added: 0, removed: 0 },
      links: { added: 0, removed: 0 },
      statusChanges: { added: 0 },
      notes: { added: 0 },
    },
    writes: {
      actors: { insert: [], update: [] },
      incidents: { insert: [], update: [] },
      sources: { insert: [], update: [], derive: [] },
      claims: { insert: [], update: [] },
      claimSources: { remove: [], insert: [] },
      figures: { replaceFor: [], insert: [] },
      links: { remove: [], insert: [] },
      about: { replaceFor: [], insert: [] },
      statusChanges: { insert: [] },
      notes: { insert: [] },
      claimAudit: [],
    },
  };
}

/**
 * A file gives days (YYYY-MM-DD, as the editor's date fields do); a database row may hold a time on that day (the
 * synthetic data does). The same day counts as unchanged, so re-importing an export changes nothing.
 */
export function onDay(current: Date | null | undefined, day: string | undefined): Date | null {
  if (day === undefined) return null;
  return current && isoDay(current) === day ? current : dayToDate(day);
}

/** The id given to a reference to a record that failed validation: never written, since nothing is then. */
export const INVALID_RECORD = -1;

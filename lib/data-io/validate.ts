import type { z } from "zod";
import { formatPath, type ImportIssue } from "@/lib/data-io/issues";
import type { RawDocument, RawRecord } from "@/lib/data-io/read-file";
import {
  ImportActorSchema,
  ImportClaimSchema,
  ImportIncidentSchema,
  ImportSourceSchema,
  type ImportActor,
  type ImportClaim,
  type ImportIncident,
  type ImportSource,
} from "@/lib/validation/import";
import { slugPattern } from "@/lib/validation/claim-filters";
import { verdictProblems } from "@/lib/domain/verdict";

// Everything that can be checked without the database: each record against its schema, then the rules across
// records (unique slugs, source keys that exist, no self-links, the status rules). Every problem is collected.

export type Rec<T> = { value: T; path: (string | number)[]; line?: number; columns?: Record<string, string> };

export type ValidDocument = {
  format: RawDocument["format"];
  actors: Rec<ImportActor>[];
  incidents: Rec<ImportIncident>[];
  sources: Rec<ImportSource>[];
  claims: Rec<ImportClaim>[];
  claimantActors: Rec<ImportActor>[];
  /**
   * Slugs and keys of records that failed validation. References to them are not reported again as missing: the
   * record's own errors say what is wrong, and nothing is written while any error exists.
   */
  invalid: { actors: Set<string>; incidents: Set<string>; sources: Set<string>; claims: Set<string> };
  /** What the claims that failed validation refer to, so a missing claimant or link target is reported with them. */
  invalidClaimRefs: Rec<ClaimRefs>[];
};

export type ClaimRefs = {
  claimant?: string;
  incident?: string;
  reporters: [index: number, slug: string][];
  links: [index: number, slug: string][];
  about: [index: number, slug: string][];
};

/** The references of a raw claim record that are at least well-formed slugs. */
function claimRefs(raw: unknown): ClaimRefs {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const slug = (v: unknown) => (typeof v === "string" && slugPattern.test(v.trim()) ? v.trim() : undefined);
  const list = (v: unknown, key: string) =>
    (Array.isArray(v) ? v : []).flatMap((item: unknown, i): [number, string][] => {
      const s = slug(item && typeof item === "object" ? (item as Record<string, unknown>)[key] : undefined);
      return s ? [[i, s]] : [];
    });
  return {
    claimant: slug(r.claimant),
    incident: slug(r.incident),
    reporters: list(r.figures, "reportedBy"),
    links: list(r.links, "to"),
    about: (Array.isArray(r.about) ? r.about : []).flatMap((item: unknown, i): [number, string][] => {
      const s = slug(item);
      return s ? [[i, s]] : [];
    }),
  };
}

/** An issue about `rec`, at `sub` inside it (a CSV record's field is named by its column). */
export function issueAt(
  rec: { path: (string | number)[]; line?: number; columns?: Record<string, string> },
  sub: readonly PropertyKey[],
  message: string,
): ImportIssue {
  const [head, ...rest] = sub;
  const mapped = typeof head === "string" && rec.columns?.[head] ? [rec.columns[head], ...rest] : sub;
  return { line: rec.line, path: formatPath([...rec.path, ...mapped]), message };
}

/** "claims[2] (line 5)", "line 5" or "claims[2]": how a message names another record. */
export function describe(rec: { path: (string | number)[]; line?: number }, lineOf: RawDocument["lineOf"]): string {
  const path = formatPath(rec.path);
  const line = rec.line ?? lineOf(rec.path);
  if (path && line !== undefined) return `${path} (line ${line})`;
  return path || (line !== undefined ? `line ${line}` : "another record");
}

function parseAll<S extends z.ZodType>(
  schema: S,
  records: RawRecord[],
  issues: ImportIssue[],
  invalid: Set<string>,
  onRecord?: () => void,
  onInvalid?: (rec: RawRecord) => void,
): Rec<z.output<S>>[] {
  const valid: Rec<z.output<S>>[] = [];
  for (const rec of records) {
    const result = schema.safeParse(rec.raw);
    if (result.success) valid.push({ value: result.data, path: rec.path, line: rec.line, columns: rec.columns });
    else {
      onInvalid?.(rec);
      for (const issue of result.error.issues) issues.push(issueAt(rec, issue.path, issue.message));
      const raw = rec.raw as { slug?: unknown; key?: unknown } | null;
      const id = raw && typeof raw === "object" ? (raw.slug ?? raw.key) : undefined;
      if (typeof id === "string") invalid.add(id.trim());
    }
    // Parsed: the file's own object is not needed any more, and a 100 MB file's objects should not be held twice.
    rec.raw = null;
    onRecord?.();
  }
  return valid;
}

export function validateDocument(
  doc: RawDocument,
  onRecord?: () => void,
): { valid: ValidDocument; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const invalid: ValidDocument["invalid"] = {
    actors: new Set(),
    incidents: new Set(),
    sources: new Set(),
    claims: new Set(),
  };
  const invalidClaimRefs: Rec<ClaimRefs>[] = [];
  const valid: ValidDocument = {
    format: doc.format,
    actors: parseAll(ImportActorSchema, doc.actors, issues, invalid.actors, onRecord),
    incidents: parseAll(ImportIncidentSchema, doc.incidents, issues, invalid.incidents, onRecord),
    sources: parseAll(ImportSourceSchema, doc.sources, issues, invalid.sources, onRecord),
    claims: parseAll(ImportClaimSchema, doc.claims, issues, invalid.claims, onRecord, (rec) =>
      invalidClaimRefs.push({ value: claimRefs(rec.raw), path: rec.path, line: rec.line, columns: rec.columns }),
    ),
    claimantActors: parseAll(ImportActorSchema, doc.claimantActors, issues, invalid.actors),
    invalid,
    invalidClaimRefs,
  };
  const where = (rec: Rec<unknown>) => describe(rec, doc.lineOf);
  noDuplicates(valid.actors, (a) => a.slug, "slug", "actor slug", where, issues, invalid.actors);
  noDuplicates(valid.incidents, (i) => i.slug, "slug", "incident slug", where, issues, invalid.incidents);
  noDuplicates(valid.sources, (s) => s.key, "key", "source key", where, issues, invalid.sources);
  noDuplicates(valid.claims, (c) => c.slug, "slug", "claim slug", where, issues, invalid.claims);
  checkDerivations(valid.sources, invalid.sources, issues);
  checkClaimantDescriptions(valid.claimantActors, where, issues);
  const keys = new Set([...valid.sources.map((s) => s.value.key), ...invalid.sources]);
  for (const claim of valid.claims) checkClaim(claim, keys, issues);
  return { valid, issues };
}

type Where = (rec: Rec<unknown>) => string;

/**
 * A key used by two records. `invalidKeys` are those of records refused above: a valid record sharing one is
 * reported now, so that fixing the refused record does not reveal a new error on the next attempt.
 */
function noDuplicates<T>(
  records: Rec<T>[],
  keyOf: (v: T) => string,
  field: string,
  what: string,
  where: Where,
  issues: ImportIssue[],
  invalidKeys: Set<string>,
): void {
  const first = new Map<string, Rec<T>>();
  for (const rec of records) {
    const key = keyOf(rec.value);
    const earlier = first.get(key);
    if (earlier)
      issues.push(
        issueAt(rec, [field], `the ${what} “${key}” is used twice in this file: ${where(earlier)} and ${where(rec)}.`),
      );
    else if (invalidKeys.has(key))
      issues.push(
        issueAt(
          rec,
          [field],
          `the ${what} “${key}” is used twice in this file: here and by a record with errors listed above.`,
        ),
      );
    else first.set(key, rec);
  }
}

/** derivedFrom names a source of this file, not itself, and never loops back (A repeats B repeats A). */
function checkDerivations(sources: Rec<ImportSource>[], invalidKeys: Set<string>, issues: ImportIssue[]): void {
  const byKey = new Map(sources.map((s) => [s.value.key, s]));
  for (const rec of sources) {
    const origin = rec.value.derivedFrom;
    if (origin === undefined) continue;
    if (origin === rec.value.key) {
      issues.push(issueAt(rec, ["derivedFrom"], "a source cannot repeat itself."));
      continue;
    }
    if (invalidKeys.has(origin)) continue;
    if (!byKey.has(origin)) {
      issues.push(issueAt(rec, ["derivedFrom"], `no source with the key “${origin}” in this file's sources.`));
      continue;
    }
    const seen = new Set([rec.value.key]);
    for (
      let next = byKey.get(origin);
      next?.value.derivedFrom !== undefined;
      next = byKey.get(next.value.derivedFrom)
    ) {
      if (seen.has(next.value.key)) {
        issues.push(
          issueAt(
            rec,
            ["derivedFrom"],
            `sources repeat each other in a loop (${[...seen, next.value.key].join(" → ")}).`,
          ),
        );
        break;
      }
      seen.add(next.value.key);
    }
  }
}

/** CSV rows that describe the same new claimant must describe it the same way. */
function checkClaimantDescriptions(actors: Rec<ImportActor>[], where: Where, issues: ImportIssue[]): void {
  const first = new Map<string, Rec<ImportActor>>();
  for (const rec of actors) {
    const earlier = first.get(rec.value.slug);
    if (!earlier) {
      first.set(rec.value.slug, rec);
      continue;
    }
    const a = earlier.value;
    const b = rec.value;
    if (
      a.name !== b.name ||
      a.kind !== b.kind ||
      (a.country ?? null) !== (b.country ?? null) ||
      (a.side ?? null) !== (b.side ?? null)
    ) {
      issues.push(
        issueAt(
          rec,
          ["name"],
          `the claimant “${b.slug}” is described differently on ${where(earlier)}; give the same name, kind, country and side, or leave them empty here.`,
        ),
      );
    }
  }
}

function checkClaim(rec: Rec<ImportClaim>, sourceKeys: Set<string>, issues: ImportIssue[]): void {
  const claim = rec.value;
  const at = (sub: PropertyKey[], message: string) => issues.push(issueAt(rec, sub, message));

  // The verdict rules (lib/domain/verdict.ts); the source count only when the record lists its sources; without
  // a list, the claim keeps the database's, checked when the import is planned (lib/data-io/plan-claim.ts).
  const verdict = {
    status: claim.status,
    rationale: claim.statusRationale,
    kind: claim.kind,
    sourceCount: claim.sources?.length,
  };
  for (const problem of verdictProblems(verdict)) {
    at([problem.field === "rationale" ? "statusRationale" : problem.field], problem.message);
  }

  const listed = new Set<string>();
  claim.sources?.forEach((s, i) => {
    if (!sourceKeys.has(s.source))
      at(["sources", i, "source"], `no source with the key “${s.source}” in this file's sources.`);
    if (listed.has(s.source)) at(["sources", i, "source"], `the source “${s.source}” is listed twice for this claim.`);
    listed.add(s.source);
  });
  claim.figures?.forEach((f, i) => {
    if (f.source !== undefined && !sourceKeys.has(f.source))
      at(["figures", i, "source"], `no source with the key “${f.source}” in this file's sources.`);
    else if (f.source !== undefined && claim.sources && !listed.has(f.source)) {
      at(
        ["figures", i, "source"],
        `a figure cites one of the claim's own sources: add “${f.source}” to this claim's sources.`,
      );
    }
  });
  const linked = new Set<string>();
  claim.links?.forEach((l, i) => {
    if (l.to === claim.slug) at(["links", i, "to"], "a claim cannot be linked to itself.");
    const key = `${l.to} ${l.type}`;
    if (linked.has(key)) at(["links", i], `the link ${l.type} to “${l.to}” is listed twice.`);
    linked.add(key);
  });

  const history = claim.statusHistory;
  if (history) {
    history.forEach((change, i) => {
      const expected = i === 0 ? "UNVERIFIED" : history[i - 1]?.to;
      if (change.from !== expected)
        at(
          ["statusHistory", i, "from"],
          `each change starts where the previous one ended: expected ${expected}, found ${change.from}.`,
        );
      if (change.from === change.to) at(["statusHistory", i, "to"], "a change goes to a different status.");
    });
    const last = history.at(-1)?.to ?? "UNVERIFIED";
    if (last !== claim.status) {
      at(
        ["statusHistory"],
        `the history ends at ${last}, but the claim's status is ${claim.status}: add the change that led to it.`,
      );
    }
  }
}

import type { Prisma } from "@/generated/prisma/client";
import { diffFields } from "@/lib/data/audit";
import type { ImportIssue } from "@/lib/data-io/issues";
import { sourceIdentity } from "@/lib/data-io/source-identity";
import { issueAt, type ClaimRefs, type Rec, type ValidDocument } from "@/lib/data-io/validate";
import { isoDay } from "@/lib/format";
import { dayToDate } from "@/lib/validation/fields";
import type { ImportClaim } from "@/lib/validation/import";
import { STATUS_INFO, isFinalStatus } from "@/lib/vocabulary";
import { sameFields } from "@/prisma/claim-relations";
import { loadExisting, type DbClaim, type Existing } from "@/lib/data-io/existing";

// The second half of validation and the whole of the decision what to write, made against the database as it is
// inside the import's transaction: which slugs exist, which references resolve, and which rows are new, changed
// or already as the file says (those are left alone, so importing a file twice changes nothing the second time).

type Tx = Prisma.TransactionClient;
type Row = Record<string, unknown>;

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
};

export type ClaimAudit = { claimId: number; action: "import-create" | "import-update"; changes: Record<string, unknown> };

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
  statusChanges: { insert: Row[] };
  claimAudit: ClaimAudit[];
};

export type Plan = { issues: ImportIssue[]; counts: ImportCounts; writes: ImportWrites };

export type PlanContext = { userId: number | null; now: Date };

const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * A file gives days (YYYY-MM-DD, as the editor's date fields do); a database row may hold a time on that day (the
 * synthetic data does). The same day counts as unchanged, so re-importing an export changes nothing.
 */
function onDay(current: Date | null | undefined, day: string | undefined): Date | null {
  if (day === undefined) return null;
  return current && isoDay(current) === day ? current : dayToDate(day);
}
const INVALID_RECORD = -1;

export async function planImport(tx: Tx, doc: ValidDocument, ctx: PlanContext): Promise<Plan> {
  const existing = await loadExisting(tx, doc);
  const issues: ImportIssue[] = [];
  const plan: Plan = {
    issues,
    counts: {
      actors: counts(),
      incidents: counts(),
      sources: counts(),
      claims: counts(),
      claimSources: { added: 0, removed: 0 },
      figures: { added: 0, removed: 0 },
      links: { added: 0, removed: 0 },
      statusChanges: { added: 0 },
    },
    writes: {
      actors: { insert: [], update: [] },
      incidents: { insert: [], update: [] },
      sources: { insert: [], update: [], derive: [] },
      claims: { insert: [], update: [] },
      claimSources: { remove: [], insert: [] },
      figures: { replaceFor: [], insert: [] },
      links: { remove: [], insert: [] },
      statusChanges: { insert: [] },
      claimAudit: [],
    },
  };
  const actorIds = planActors(doc, existing, plan, ctx);
  const incidentIds = planIncidents(doc, existing, plan, ctx);
  const sourceIds = planSources(doc, existing, plan, ctx);

  // Ids for new claims first: links may point at a claim further down the file.
  const claimIds = new Map<string, number>();
  for (const [slug, claim] of existing.claims) claimIds.set(slug, claim.id);
  let nextClaimId = existing.maxIds.claim;
  for (const rec of doc.claims) if (!claimIds.has(rec.value.slug)) claimIds.set(rec.value.slug, ++nextClaimId);

  // A reference to a record that failed validation is not reported again (its own errors are): the id stands in,
  // and nothing is written while there are errors.
  const withInvalid = (ids: Map<string, number>, invalid: Set<string>) => {
    for (const key of invalid) if (!ids.has(key)) ids.set(key, INVALID_RECORD);
    return ids;
  };
  const cc: ClaimContext = {
    existing,
    actorIds: withInvalid(actorIds, doc.invalid.actors),
    incidentIds: withInvalid(incidentIds, doc.invalid.incidents),
    sourceIds: withInvalid(sourceIds, doc.invalid.sources),
    claimIds: withInvalid(claimIds, doc.invalid.claims),
    csv: doc.format === "csv",
  };
  for (const rec of doc.claims) planClaim(rec, cc, plan, ctx);
  for (const rec of doc.invalidClaimRefs) checkRefs(rec, cc, plan);
  return plan;
}

function planActors(doc: ValidDocument, existing: Existing, plan: Plan, ctx: PlanContext): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [slug, actor] of existing.actors) ids.set(slug, actor.id);
  let next = existing.maxIds.actor;
  const write = (rec: Rec<{ slug: string; name: string; kind: string; country?: string; sameAs?: string; description?: string; synthetic?: boolean }>, createOnly: boolean) => {
    const a = rec.value;
    const fields = {
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      sameAs: a.sameAs ?? null,
      description: a.description ?? null,
      synthetic: a.synthetic ?? false,
    };
    const found = existing.actors.get(a.slug);
    if (found) {
      if (createOnly) return;
      if (sameFields(found, fields)) plan.counts.actors.unchanged++;
      else {
        plan.writes.actors.update.push({ id: found.id, ...fields, updatedAt: ctx.now });
        plan.counts.actors.updated++;
      }
      return;
    }
    if (ids.has(a.slug)) return; // a CSV claimant described on several rows
    const id = ++next;
    ids.set(a.slug, id);
    plan.writes.actors.insert.push({ id, slug: a.slug, ...fields, createdAt: ctx.now, updatedAt: ctx.now });
    plan.counts.actors.created++;
  };
  for (const rec of doc.actors) write(rec, false);
  // CSV: a claimant's columns create it when missing; an existing actor is edited in JSON or the editor.
  for (const rec of doc.claimantActors) write(rec, true);
  return ids;
}

function planIncidents(doc: ValidDocument, existing: Existing, plan: Plan, ctx: PlanContext): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [slug, incident] of existing.incidents) ids.set(slug, incident.id);
  let next = existing.maxIds.incident;
  for (const rec of doc.incidents) {
    const i = rec.value;
    const found = existing.incidents.get(i.slug);
    const fields = { title: i.title, date: onDay(found?.date, i.date) as Date, location: i.location, geoPrecision: i.geoPrecision, description: i.description ?? null };
    if (found) {
      if (sameFields(found, fields)) plan.counts.incidents.unchanged++;
      else {
        plan.writes.incidents.update.push({ id: found.id, ...fields, updatedAt: ctx.now });
        plan.counts.incidents.updated++;
      }
      continue;
    }
    const id = ++next;
    ids.set(i.slug, id);
    plan.writes.incidents.insert.push({ id, slug: i.slug, ...fields, createdAt: ctx.now, updatedAt: ctx.now });
    plan.counts.incidents.created++;
  }
  return ids;
}

/**
 * Sources have no unique column. A file source is the database source with the same url (or, without a url, the
 * same title and publisher), as prisma/factories.ts upsertSource finds it; when several share that identity they
 * pair up in order, so a file with two identical sources imported twice still gives two sources, not four.
 */
function planSources(doc: ValidDocument, existing: Existing, plan: Plan, ctx: PlanContext): Map<string, number> {
  const ids = new Map<string, number>();
  const current = new Map<string, number | null>();
  const candidates = new Map<string, typeof existing.sources>();
  for (const s of existing.sources) {
    const key = sourceIdentity(s);
    const list = candidates.get(key) ?? [];
    list.push(s);
    candidates.set(key, list);
  }
  let next = existing.maxIds.source;
  const updated = new Set<number>();
  for (const rec of doc.sources) {
    const s = rec.value;
    const identity = sourceIdentity({ url: s.url ?? null, title: s.title, publisher: s.publisher ?? null });
    const found = candidates.get(identity)?.shift();
    const fields = {
      url: s.url ?? null,
      title: s.title,
      publisher: s.publisher ?? null,
      publishedAt: onDay(found?.publishedAt, s.publishedAt),
      type: s.type,
      archiveUrl: s.archiveUrl ?? null,
      excerpt: s.excerpt ?? null,
      protected: s.protected,
      // As in the editor: a reason is kept only for a protected source.
      protectedReason: s.protected ? (s.protectedReason ?? null) : null,
      synthetic: s.synthetic ?? false,
    };
    if (found) {
      ids.set(s.key, found.id);
      current.set(s.key, found.derivedFromId);
      const { id: _id, derivedFromId: _d, ...before } = found;
      if (!sameFields(before, fields)) {
        plan.writes.sources.update.push({ id: found.id, ...fields, updatedAt: ctx.now });
        updated.add(found.id);
      }
      continue;
    }
    const id = ++next;
    ids.set(s.key, id);
    current.set(s.key, null);
    plan.writes.sources.insert.push({ id, ...fields, derivedFromId: null, createdAt: ctx.now, updatedAt: ctx.now });
    plan.counts.sources.created++;
  }
  for (const rec of doc.sources) {
    const id = ids.get(rec.value.key) as number;
    const wanted = rec.value.derivedFrom === undefined ? null : (ids.get(rec.value.derivedFrom) ?? null);
    if (wanted === current.get(rec.value.key)) continue;
    plan.writes.sources.derive.push({ id, derivedFromId: wanted, updatedAt: ctx.now });
    if (id <= existing.maxIds.source) updated.add(id);
  }
  plan.counts.sources.updated = updated.size;
  plan.counts.sources.unchanged = doc.sources.length - plan.counts.sources.created - updated.size;
  return ids;
}

type ClaimContext = {
  existing: Existing;
  actorIds: Map<string, number>;
  incidentIds: Map<string, number>;
  sourceIds: Map<string, number>;
  claimIds: Map<string, number>;
  csv: boolean;
};

/** The references of a claim record that failed validation, reported with its other problems. */
function checkRefs(rec: Rec<ClaimRefs>, cc: ClaimContext, plan: Plan): void {
  const r = rec.value;
  const at = (sub: PropertyKey[], message: string) => plan.issues.push(issueAt(rec, sub, message));
  if (r.claimant && !cc.actorIds.has(r.claimant)) at(["claimant"], missingActor(r.claimant, cc.csv));
  if (r.incident && !cc.incidentIds.has(r.incident)) at(["incident"], missingIncident(r.incident));
  for (const [i, slug] of r.reporters) if (!cc.actorIds.has(slug)) at(["figures", i, "reportedBy"], missingActor(slug, false));
  for (const [i, slug] of r.links) if (!cc.claimIds.has(slug)) at(["links", i, "to"], missingClaim(slug));
}

const missingActor = (slug: string, csv: boolean) =>
  `no actor “${slug}” in ${csv ? "the database: add claimantName and claimantKind to create it" : "this file's actors or in the database"}.`;
const missingIncident = (slug: string) => `no incident “${slug}” in this file's incidents or in the database.`;
const missingClaim = (slug: string) => `no claim “${slug}” in this file or in the database.`;

function planClaim(rec: Rec<ImportClaim>, cc: ClaimContext, plan: Plan, ctx: PlanContext): void {
  const c = rec.value;
  const at = (sub: PropertyKey[], message: string) => plan.issues.push(issueAt(rec, sub, message));
  const before = cc.existing.claims.get(c.slug);
  const id = cc.claimIds.get(c.slug) as number;
  const related = before ? cc.existing.related.get(before.id) : undefined;

  const claimantId = cc.actorIds.get(c.claimant);
  if (claimantId === undefined) {
    at(["claimant"], missingActor(c.claimant, cc.csv));
  }
  const incidentId = c.incident === undefined ? null : cc.incidentIds.get(c.incident);
  if (incidentId === undefined) at(["incident"], missingIncident(c.incident as string));

  const fields = {
    statement: c.statement,
    originalText: c.originalText ?? null,
    originalLanguage: c.originalLanguage ?? null,
    category: c.category,
    kind: c.kind,
    claimantId: claimantId ?? 0,
    claimedAt: onDay(before?.claimedAt, c.claimedAt) as Date,
    location: c.location ?? null,
    incidentId: incidentId ?? null,
    status: c.status,
    statusRationale: c.statusRationale ?? null,
    publishedAt: !c.published ? null : c.publishedAt ? new Date(c.publishedAt) : (before?.publishedAt ?? ctx.now),
    synthetic: c.synthetic ?? false,
  };

  // Sources: the file's list, or what the database has when the record gives none.
  const currentSources = related?.sources ?? [];
  const sourceIdsAfter = c.sources ? c.sources.map((s) => cc.sourceIds.get(s.source) as number) : currentSources.map((s) => s.sourceId);
  if (!c.sources && isFinalStatus(c.status) && currentSources.length === 0) {
    at(["status"], `a final verdict (${STATUS_INFO[c.status].label}) needs at least one source, and this claim has none${before ? " in the database" : ""}. ${cc.csv ? "Import it from JSON with its sources, or link a source in the editor first." : "Give its sources."}`);
  }
  let sourcesChanged = 0;
  if (c.sources) {
    const wanted = new Map(c.sources.map((s) => [cc.sourceIds.get(s.source) as number, { stance: s.stance, note: s.note ?? null }]));
    for (const row of currentSources) {
      const w = wanted.get(row.sourceId);
      if (w && w.stance === row.stance && w.note === row.note) wanted.delete(row.sourceId);
      else {
        plan.writes.claimSources.remove.push(row.id);
        plan.counts.claimSources.removed++;
        sourcesChanged++;
      }
    }
    for (const [sourceId, w] of wanted) {
      plan.writes.claimSources.insert.push({ claimId: id, sourceId, stance: w.stance, note: w.note, createdAt: ctx.now });
      plan.counts.claimSources.added++;
      sourcesChanged++;
    }
    if (!c.figures) {
      const kept = new Set(sourceIdsAfter);
      const orphan = related?.figures.find((f) => f.sourceId !== null && !kept.has(f.sourceId));
      if (orphan) at(["sources"], "a casualty figure of this claim in the database cites a source this file removes from the claim: give the claim's figures too.");
    }
  }

  let figuresChanged = false;
  if (c.figures) {
    const linked = new Set(sourceIdsAfter);
    const current = related?.figures ?? [];
    const wanted = c.figures.map((f, i) => {
      const reportedById = cc.actorIds.get(f.reportedBy);
      if (reportedById === undefined) at(["figures", i, "reportedBy"], missingActor(f.reportedBy, false));
      const sourceId = f.source === undefined ? null : (cc.sourceIds.get(f.source) ?? null);
      if (sourceId !== null && !c.sources && !linked.has(sourceId)) {
        at(["figures", i, "source"], `a figure cites one of the claim's own sources, and “${f.source}” is not linked to this claim: give the claim's sources too.`);
      }
      return {
        claimId: id,
        reportedById: reportedById ?? 0,
        sourceId,
        population: f.population,
        outcome: f.outcome,
        min: f.min,
        max: f.max,
        reportedAt: onDay(current[i]?.reportedAt, f.reportedAt),
        note: f.note ?? null,
      };
    });
    const same = current.length === wanted.length && current.every(({ id: _id, ...row }, i) => sameFields(row, wanted[i] ?? {}));
    if (!same) {
      // Figures have no natural key: a list that differs replaces the claim's figures.
      figuresChanged = true;
      if (current.length) plan.writes.figures.replaceFor.push(id);
      plan.counts.figures.removed += current.length;
      plan.counts.figures.added += wanted.length;
      for (const row of wanted) plan.writes.figures.insert.push({ ...row, createdAt: ctx.now });
    }
  }

  let linksChanged = 0;
  if (c.links) {
    const wanted = new Map<string, { toId: number; type: string; note: string | null }>();
    c.links.forEach((l, i) => {
      const toId = cc.claimIds.get(l.to);
      if (toId === undefined) at(["links", i, "to"], missingClaim(l.to));
      else wanted.set(`${toId} ${l.type}`, { toId, type: l.type, note: l.note ?? null });
    });
    for (const row of related?.links ?? []) {
      const key = `${row.toId} ${row.type}`;
      const w = wanted.get(key);
      if (w && w.note === row.note) wanted.delete(key);
      else {
        plan.writes.links.remove.push(row.id);
        plan.counts.links.removed++;
        linksChanged++;
      }
    }
    for (const w of wanted.values()) {
      plan.writes.links.insert.push({ fromId: id, ...w, createdAt: ctx.now, createdById: ctx.userId });
      plan.counts.links.added++;
      linksChanged++;
    }
  }

  const appended = planHistory(rec, before, related?.history ?? [], id, plan, ctx);

  const fieldsChanged = !before || !sameFields(before, fields);
  const changed = fieldsChanged || sourcesChanged > 0 || figuresChanged || linksChanged > 0 || appended > 0;
  if (!before) {
    plan.writes.claims.insert.push({
      id,
      slug: c.slug,
      ...fields,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdById: ctx.userId,
      updatedById: ctx.userId,
    });
    plan.counts.claims.created++;
    plan.writes.claimAudit.push({ claimId: id, action: "import-create", changes: { slug: c.slug } });
    return;
  }
  if (!changed) {
    plan.counts.claims.unchanged++;
    return;
  }
  // Any change moves the version, as an edit would, so a form opened before the import cannot overwrite it.
  plan.writes.claims.update.push({ id, ...fields, version: before.version + 1, updatedAt: ctx.now, updatedById: ctx.userId });
  plan.counts.claims.updated++;
  const { id: _id, slug: _slug, version: _version, ...old } = before;
  plan.writes.claimAudit.push({
    claimId: id,
    action: "import-update",
    changes: {
      ...diffFields(old, fields),
      ...(sourcesChanged ? { sources: "replaced" } : {}),
      ...(figuresChanged ? { figures: "replaced" } : {}),
      ...(linksChanged ? { links: "replaced" } : {}),
      ...(appended ? { statusChanges: appended } : {}),
      version: [before.version, before.version + 1],
    },
  });
}

/**
 * The status history is append-only. A record's history must begin with what the database already has for the
 * claim; the rest is appended. Without a history, a change of status is recorded as one step, as the editor does.
 */
function planHistory(rec: Rec<ImportClaim>, before: DbClaim | undefined, current: { from: string; to: string; rationale: string }[], claimId: number, plan: Plan, ctx: PlanContext): number {
  const c = rec.value;
  const rows: Row[] = [];
  if (c.statusHistory) {
    const history = c.statusHistory;
    const differs = current.findIndex((h, i) => {
      const f = history[i];
      return !f || f.from !== h.from || f.to !== h.to || f.rationale !== h.rationale;
    });
    if (differs !== -1) {
      plan.issues.push(
        issueAt(rec, ["statusHistory"], `the database has another status history for this claim (${current.length} changes; change ${differs + 1} differs or is missing here). History is never rewritten: the claim changed since this file was made. Export again, or leave statusHistory out to keep the database's.`),
      );
      return 0;
    }
    history.slice(current.length).forEach((h, i) => {
      rows.push({
        claimId,
        from: h.from,
        to: h.to,
        rationale: h.rationale,
        isCorrection: h.isCorrection,
        editorId: null,
        // A millisecond apart, so the timeline keeps the file's order.
        createdAt: h.at ? new Date(h.at) : new Date(ctx.now.getTime() + i),
      });
    });
  } else {
    const from = before?.status ?? "UNVERIFIED";
    if (from !== c.status) {
      rows.push({
        claimId,
        from,
        to: c.status,
        rationale: c.statusRationale ?? "",
        // A correction moves away from a verdict readers could see, as in lib/data/status-writes.ts.
        isCorrection: !!before?.publishedAt && isFinalStatus(from),
        editorId: ctx.userId,
        createdAt: ctx.now,
      });
    }
  }
  plan.writes.statusChanges.insert.push(...rows);
  plan.counts.statusChanges.added += rows.length;
  return rows.length;
}


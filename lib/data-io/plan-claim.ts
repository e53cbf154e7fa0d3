import { diffFields } from "@/lib/data/writes/record-audit";
import type { DbClaim, Existing } from "@/lib/data-io/existing";
import { onDay, type Plan, type PlanContext, type Row } from "@/lib/data-io/plan-model";
import { issueAt, type ClaimRefs, type Rec } from "@/lib/data-io/validate";
import type { ImportClaim } from "@/lib/validation/import";
import { aboutText } from "@/lib/domain/claim-about";
import { claimColumns } from "@/lib/domain/claim-fields";
import { lacksSource } from "@/lib/domain/verdict";
import { countOf, isoDay } from "@/lib/domain/format";
import { STATUS_INFO, isFinalStatus } from "@/lib/domain/vocabulary";
import { sameFields } from "@/prisma/claim-relations";

// Planning one claim: its own fields, then its sources, figures and links (a list given replaces the database's,
// keeping the rows that already match), then its status history (appended, never rewritten).

export type ClaimContext = {
  existing: Existing;
  actorIds: Map<string, number>;
  incidentIds: Map<string, number>;
  sourceIds: Map<string, number>;
  claimIds: Map<string, number>;
  csv: boolean;
};

/** The references of a claim record that failed validation, reported with its other problems. */
export function checkRefs(rec: Rec<ClaimRefs>, cc: ClaimContext, plan: Plan): void {
  const r = rec.value;
  const at = (sub: PropertyKey[], message: string) => plan.issues.push(issueAt(rec, sub, message));
  if (r.claimant && !cc.actorIds.has(r.claimant)) at(["claimant"], missingActor(r.claimant, cc.csv));
  if (r.incident && !cc.incidentIds.has(r.incident)) at(["incident"], missingIncident(r.incident));
  for (const [i, slug] of r.reporters)
    if (!cc.actorIds.has(slug)) at(["figures", i, "reportedBy"], missingActor(slug, false));
  for (const [i, slug] of r.links) if (!cc.claimIds.has(slug)) at(["links", i, "to"], missingClaim(slug));
  for (const [i, slug] of r.about) if (!cc.actorIds.has(slug)) at(["about", i], missingActor(slug, false));
}

const missingActor = (slug: string, csv: boolean) =>
  `no actor “${slug}” in ${csv ? "the database: add claimantName and claimantKind to create it" : "this file's actors or in the database"}.`;
const missingIncident = (slug: string) => `no incident “${slug}” in this file's incidents or in the database.`;
const missingClaim = (slug: string) => `no claim “${slug}” in this file or in the database.`;

export function planClaim(rec: Rec<ImportClaim>, cc: ClaimContext, plan: Plan, ctx: PlanContext): void {
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

  const columns = claimColumns(c);
  const fields = {
    ...columns,
    // The same day keeps the stored time (a claim made in the editor has midnight; the seed's may have another).
    // The day is the one its precision stores (the 1st of the month for MONTH…), so a re-import changes nothing.
    claimedAt: onDay(before?.claimedAt, isoDay(columns.claimedAt)) as Date,
    claimantId: claimantId ?? 0,
    incidentId: incidentId ?? null,
    status: c.status,
    statusRationale: c.statusRationale ?? null,
    publishedAt: !c.published ? null : c.publishedAt ? new Date(c.publishedAt) : (before?.publishedAt ?? ctx.now),
    synthetic: c.synthetic ?? false,
  };

  // Sources: the file's list, or what the database has when the record gives none.
  const currentSources = related?.sources ?? [];
  const sourceIdsAfter = c.sources
    ? c.sources.map((s) => cc.sourceIds.get(s.source) as number)
    : currentSources.map((s) => s.sourceId);
  if (!c.sources && lacksSource(c.status, currentSources.length)) {
    at(
      ["status"],
      `a final verdict (${STATUS_INFO[c.status].label}) needs at least one source, and this claim has none${before ? " in the database" : ""}. ${cc.csv ? "Import it from JSON with its sources, or link a source in the editor first." : "Give its sources."}`,
    );
  }
  let sourcesChanged = 0;
  if (c.sources) {
    const wanted = new Map(
      c.sources.map((s) => [cc.sourceIds.get(s.source) as number, { stance: s.stance, note: s.note ?? null }]),
    );
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
      plan.writes.claimSources.insert.push({
        claimId: id,
        sourceId,
        stance: w.stance,
        note: w.note,
        createdAt: ctx.now,
      });
      plan.counts.claimSources.added++;
      sourcesChanged++;
    }
    if (!c.figures) {
      const kept = new Set(sourceIdsAfter);
      const orphan = related?.figures.find((f) => f.sourceId !== null && !kept.has(f.sourceId));
      if (orphan)
        at(
          ["sources"],
          "a casualty figure of this claim in the database cites a source this file removes from the claim: give the claim's figures too.",
        );
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
        at(
          ["figures", i, "source"],
          `a figure cites one of the claim's own sources, and “${f.source}” is not linked to this claim: give the claim's sources too.`,
        );
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
        noSourceReason: f.noSourceReason ?? null,
      };
    });
    const same =
      current.length === wanted.length && current.every(({ id: _id, ...row }, i) => sameFields(row, wanted[i] ?? {}));
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

  // The actors it is about: the file's list replaces the stored one when they differ (order does not count).
  let aboutAfter: number[] | null = null;
  if (c.about) {
    const wanted = c.about.flatMap((slug, i) => {
      const actorId = cc.actorIds.get(slug);
      if (actorId === undefined) at(["about", i], missingActor(slug, false));
      return actorId === undefined ? [] : [actorId];
    });
    if (aboutText(wanted) !== aboutText(related?.about ?? [])) {
      aboutAfter = wanted;
      if (before) plan.writes.about.replaceFor.push(id);
      for (const actorId of wanted) plan.writes.about.insert.push({ claimId: id, actorId });
    }
  }

  const appended = planHistory(rec, before, related?.history ?? [], id, plan, ctx);
  planNotes(rec, related?.notes ?? [], id, cc, plan);

  const fieldsChanged = !before || !sameFields(before, fields);
  const changed =
    fieldsChanged || sourcesChanged > 0 || figuresChanged || linksChanged > 0 || aboutAfter !== null || appended > 0;
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
  plan.writes.claims.update.push({
    id,
    ...fields,
    version: before.version + 1,
    updatedAt: ctx.now,
    updatedById: ctx.userId,
  });
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
      ...(aboutAfter ? { about: [aboutText(related?.about ?? []), aboutText(aboutAfter)] } : {}),
      ...(appended ? { statusChanges: appended } : {}),
      version: [before.version, before.version + 1],
    },
  });
}

/**
 * Internal notes are append-only too: a record's notes must begin with the ones the database has (same text and
 * time); the rest are added. An author is the account with that email here, or none (shown as a removed account).
 * Mentions are not recreated: they belong to the desk that wrote them (docs/editing.md).
 */
function planNotes(
  rec: Rec<ImportClaim>,
  current: { text: string; createdAt: Date }[],
  claimId: number,
  cc: ClaimContext,
  plan: Plan,
): void {
  const notes = rec.value.notes;
  if (!notes) return;
  const differs = current.findIndex((n, i) => {
    const f = notes[i];
    return !f || f.text !== n.text || new Date(f.at).getTime() !== n.createdAt.getTime();
  });
  if (differs !== -1) {
    plan.issues.push(
      issueAt(
        rec,
        ["notes"],
        `the database has other notes on this claim (${current.length} notes; note ${differs + 1} differs or is missing here). Notes are never rewritten: export again, or leave notes out to keep the database's.`,
      ),
    );
    return;
  }
  for (const n of notes.slice(current.length)) {
    plan.writes.notes.insert.push({
      claimId,
      authorId: (n.author && cc.existing.accounts.get(n.author.toLowerCase())) ?? null,
      text: n.text,
      version: 1,
      createdAt: new Date(n.at),
      editedAt: n.editedAt ? new Date(n.editedAt) : null,
    });
    plan.counts.notes.added++;
  }
}

/**
 * The status history is append-only. A record's history must begin with what the database already has for the
 * claim; the rest is appended. Without a history, a change of status is recorded as one step, as the editor does.
 */
function planHistory(
  rec: Rec<ImportClaim>,
  before: DbClaim | undefined,
  current: { from: string; to: string; rationale: string }[],
  claimId: number,
  plan: Plan,
  ctx: PlanContext,
): number {
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
        issueAt(
          rec,
          ["statusHistory"],
          `the database has another status history for this claim (${countOf(current.length, "change")}; change ${differs + 1} differs or is missing here). History is never rewritten: the claim changed since this file was made. Export again, or leave statusHistory out to keep the database's.`,
        ),
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
        // A correction moves away from a verdict readers could see, as in lib/data/writes/status.ts.
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

import { sourceIdentity } from "@/lib/data-io/source-identity";
import type { Existing } from "@/lib/data-io/existing";
import { onDay, type Plan, type PlanContext } from "@/lib/data-io/plan-model";
import { normaliseClaimDate } from "@/lib/domain/claim-date";
import { isoDay } from "@/lib/domain/format";
import { dayToDate } from "@/lib/validation/fields";
import type { Rec, ValidDocument } from "@/lib/data-io/validate";
import { sameFields } from "@/prisma/claim-relations";

// Planning the records claims refer to: actors and incidents by slug, sources by address (or title and publisher).
// Each returns the id every slug or key will have once written.

export function planActors(doc: ValidDocument, existing: Existing, plan: Plan, ctx: PlanContext): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [slug, actor] of existing.actors) ids.set(slug, actor.id);
  let next = existing.maxIds.actor;
  const write = (
    rec: Rec<{
      slug: string;
      name: string;
      kind: string;
      country?: string;
      side?: string;
      sameAs?: string;
      description?: string;
      published?: boolean;
      synthetic?: boolean;
    }>,
    createOnly: boolean,
  ) => {
    const a = rec.value;
    const fields = {
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      side: a.side ?? null,
      sameAs: a.sameAs ?? null,
      description: a.description ?? null,
      published: a.published ?? false,
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

export function planIncidents(
  doc: ValidDocument,
  existing: Existing,
  plan: Plan,
  ctx: PlanContext,
): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [slug, incident] of existing.incidents) ids.set(slug, incident.id);
  let next = existing.maxIds.incident;
  for (const rec of doc.incidents) {
    const i = rec.value;
    const found = existing.incidents.get(i.slug);
    const fields = {
      title: i.title,
      date: onDay(found?.date, isoDay(normaliseClaimDate(dayToDate(i.date), i.datePrecision))) as Date,
      datePrecision: i.datePrecision,
      location: i.location,
      locationPrecision: i.locationPrecision,
      latitude: i.latitude ?? null,
      longitude: i.longitude ?? null,
      description: i.description ?? null,
    };
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
 * same title and publisher), as prisma/upserts.ts upsertSource finds it; when several share that identity they
 * pair up in order, so a file with two identical sources imported twice still gives two sources, not four.
 */
export function planSources(doc: ValidDocument, existing: Existing, plan: Plan, ctx: PlanContext): Map<string, number> {
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

import type { ClaimStatus, LinkType, Outcome, Population, Stance } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/create-client";
import { figureProblems, figureSourceProblem } from "@/lib/domain/figure-rules";
import { figureFieldsSelect } from "@/lib/data/stored-fields";

// upsertClaim's helpers: bring a claim's related rows in line with the input while keeping the rows (and ids) that
// already match, so re-running the seed changes nothing. The related rows' input types live here too, so
// this file imports nothing from prisma/upserts.ts (which calls it).

export type ClaimSourceInput = { sourceId: number; stance: Stance; note?: string | null };
export type FigureInput = {
  /** actor slug */
  reportedBy: string;
  sourceId?: number | null;
  population: Population;
  outcome: Outcome;
  min: number;
  max: number;
  reportedAt?: Date | null;
  note?: string | null;
  /** required, 10+ characters, when sourceId is not given (lib/domain/figure-rules.ts) */
  noSourceReason?: string | null;
};
/** A typed edge from this claim to the claim with slug `to`. */
export type LinkInput = { to: string; type: LinkType; note?: string | null };
export type StatusStepInput = { from: ClaimStatus; to: ClaimStatus; rationale: string; isCorrection?: boolean };

/** Field-by-field equality, with Dates compared by time. */
export function sameFields(existing: Record<string, unknown>, fields: Record<string, unknown>): boolean {
  return Object.entries(fields).every(([key, value]) => {
    const current = existing[key];
    if (value instanceof Date || current instanceof Date)
      return current instanceof Date && value instanceof Date && current.getTime() === value.getTime();
    return current === value;
  });
}

export async function replaceClaimSources(tx: Tx, claimId: number, sources: ClaimSourceInput[]): Promise<void> {
  const ids = sources.map((s) => s.sourceId);
  if (new Set(ids).size !== ids.length) throw new Error(`claim ${claimId}: a source is listed twice`);
  await tx.claimSource.deleteMany({ where: { claimId, sourceId: { notIn: ids } } });
  for (const s of sources) {
    const data = { stance: s.stance, note: s.note ?? null };
    await tx.claimSource.upsert({
      where: { claimId_sourceId: { claimId, sourceId: s.sourceId } },
      create: { claimId, sourceId: s.sourceId, ...data },
      update: data,
    });
  }
}

export async function replaceFigures(tx: Tx, claimId: number, figures: FigureInput[]): Promise<void> {
  const reporterIds = await actorIdsBySlug(
    tx,
    figures.map((f) => f.reportedBy),
  );
  const wanted = figures.map((f) => {
    const source = figureSourceProblem(f);
    const problems = [...figureProblems(f), ...(source ? [source] : [])];
    if (problems.length)
      throw new Error(
        `claim ${claimId}: casualty figure ${f.min}..${f.max}: ${problems.map((p) => p.message).join(" ")}`,
      );
    return {
      claimId,
      reportedById: reporterIds.get(f.reportedBy) as number,
      sourceId: f.sourceId ?? null,
      population: f.population,
      outcome: f.outcome,
      min: f.min,
      max: f.max,
      reportedAt: f.reportedAt ?? null,
      note: f.note ?? null,
      noSourceReason: f.noSourceReason ?? null,
    };
  });
  const current = await tx.casualtyFigure.findMany({
    where: { claimId },
    orderBy: { id: "asc" },
    select: figureFieldsSelect,
  });
  // Figures have no natural key; rewrite them only when the list differs, so a re-run keeps their ids.
  const same = current.length === wanted.length && current.every((row, i) => sameFields(row, wanted[i] ?? {}));
  if (same) return;
  await tx.casualtyFigure.deleteMany({ where: { claimId } });
  if (wanted.length) await tx.casualtyFigure.createMany({ data: wanted });
}

export async function replaceLinks(tx: Tx, fromId: number, fromSlug: string, links: LinkInput[]): Promise<void> {
  if (links.some((l) => l.to === fromSlug)) throw new Error(`claim ${fromSlug}: a claim cannot link to itself`);
  const targets = await tx.claim.findMany({
    where: { slug: { in: links.map((l) => l.to) } },
    select: { id: true, slug: true },
  });
  const idBySlug = new Map(targets.map((t) => [t.slug, t.id]));
  const missing = links.filter((l) => !idBySlug.has(l.to)).map((l) => l.to);
  if (missing.length) throw new Error(`claim ${fromSlug}: links to unknown claims ${missing.join(", ")}`);
  const wanted = links.map((l) => ({ toId: idBySlug.get(l.to) as number, type: l.type, note: l.note ?? null }));
  await tx.claimLink.deleteMany({ where: { fromId, NOT: { OR: wanted.map(({ toId, type }) => ({ toId, type })) } } });
  for (const link of wanted) {
    await tx.claimLink.upsert({
      where: { fromId_toId_type: { fromId, toId: link.toId, type: link.type } },
      create: { fromId, ...link },
      update: { note: link.note },
    });
  }
}

export async function appendStatusChanges(tx: Tx, claimId: number, history: StatusStepInput[]): Promise<void> {
  const existing = await tx.statusChange.findMany({
    where: { claimId },
    select: { from: true, to: true, rationale: true },
  });
  const key = (c: { from: string; to: string; rationale: string }) => `${c.from}\u0000${c.to}\u0000${c.rationale}`;
  const recorded = new Set(existing.map(key));
  const fresh = history.filter((c) => !recorded.has(key(c)));
  // One createdAt per change, a millisecond apart, so the public timeline sorts them in the order given.
  const start = Date.now();
  if (fresh.length)
    await tx.statusChange.createMany({
      data: fresh.map((c, i) => ({
        claimId,
        from: c.from,
        to: c.to,
        rationale: c.rationale,
        isCorrection: c.isCorrection ?? false,
        createdAt: new Date(start + i),
      })),
    });
}

async function actorIdsBySlug(tx: Tx, slugs: string[]): Promise<Map<string, number>> {
  const actors = await tx.actor.findMany({
    where: { slug: { in: [...new Set(slugs)] } },
    select: { id: true, slug: true },
  });
  const ids = new Map(actors.map((a) => [a.slug, a.id]));
  const missing = slugs.filter((s) => !ids.has(s));
  if (missing.length) throw new Error(`unknown actor slugs: ${[...new Set(missing)].join(", ")}`);
  return ids;
}

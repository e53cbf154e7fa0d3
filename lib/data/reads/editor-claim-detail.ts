import { claimFieldsSelect, figureNumbersSelect, sourceCardSelect } from "@/lib/data/stored-fields";
import type { Db } from "@/lib/db/create-client";

// One claim as editors see it: drafts too, protected sources in full, ids of everything they can remove.

export async function getEditorClaim(db: Db, id: number) {
  return db.claim.findUnique({
    where: { id },
    select: {
      ...claimFieldsSelect,
      version: true,
      createdAt: true,
      updatedAt: true,
      withdrawnAt: true,
      withdrawalReason: true,
      claimant: {
        select: {
          id: true,
          slug: true,
          name: true,
          side: true,
          published: true,
          // Whether readers see the claimant anyway (lib/data/reads/public-actor.ts): one published claim is enough.
          // Not `_count`, which Prisma writes as a GROUP BY over every claim (lib/data/writes/status.ts).
          claims: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
        },
      },
      about: { orderBy: { actorId: "asc" }, select: { actorId: true } },
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      sources: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          stance: true,
          note: true,
          source: {
            select: { ...sourceCardSelect, derivedFrom: { select: { id: true, title: true } } },
          },
        },
      },
      figures: {
        orderBy: [{ population: "asc" }, { outcome: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ...figureNumbersSelect,
          reportedBy: { select: { id: true, name: true } },
          source: { select: { id: true, title: true } },
        },
      },
      linksFrom: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          type: true,
          note: true,
          to: { select: { id: true, slug: true, statement: true, publishedAt: true } },
        },
      },
      linksTo: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          type: true,
          note: true,
          from: { select: { id: true, slug: true, statement: true, publishedAt: true } },
        },
      },
      statusChanges: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          from: true,
          to: true,
          rationale: true,
          isCorrection: true,
          createdAt: true,
          editor: { select: { name: true } },
          proposedBy: { select: { name: true } },
        },
      },
    },
  });
}
export type EditorClaim = NonNullable<Awaited<ReturnType<typeof getEditorClaim>>>;

export function listActorOptions(db: Db) {
  return db.actor.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, country: true, side: true },
  });
}
export type ActorOption = Awaited<ReturnType<typeof listActorOptions>>[number];

export function listIncidentOptions(db: Db) {
  return db.incident.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: { id: true, title: true, date: true, datePrecision: true },
  });
}
export type IncidentOption = Awaited<ReturnType<typeof listIncidentOptions>>[number];

/** The sources an editor can pick from: the newest first, capped so the page stays light. */
export const SOURCE_OPTIONS_LIMIT = 500;
export function listSourceOptions(db: Db) {
  return db.source.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SOURCE_OPTIONS_LIMIT,
    select: { id: true, title: true, publisher: true, protected: true },
  });
}
export type SourceOption = Awaited<ReturnType<typeof listSourceOptions>>[number];

export const CLAIM_SEARCH_LIMIT = 10;

/** Claims to link to: an exact slug first, then statements containing the words. */
export async function searchClaimsForLink(db: Db, query: string, excludeId?: number) {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const select = {
    id: true,
    slug: true,
    statement: true,
    publishedAt: true,
    claimant: { select: { name: true } },
  } as const;
  const exact = await db.claim.findUnique({ where: { slug: q.toLowerCase() }, select });
  const rest = await db.claim.findMany({
    where: {
      OR: [{ statement: { contains: q } }, { slug: { contains: q.toLowerCase() } }],
      NOT: { id: excludeId ?? -1 },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: CLAIM_SEARCH_LIMIT,
    select,
  });
  const results = exact && exact.id !== excludeId ? [exact, ...rest.filter((c) => c.id !== exact.id)] : rest;
  return results.slice(0, CLAIM_SEARCH_LIMIT);
}
export type ClaimSearchResult = Awaited<ReturnType<typeof searchClaimsForLink>>[number];

import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { claimSummarySelect, readerFigureSelect, toReaderFigure } from "@/lib/data/reads/claims";
import { INCIDENT_PAGE_SIZE, type IncidentFilters } from "@/lib/validation/incident-filters";

// Reader reads of incidents. An incident is public while at least one published claim is attached to it
// (docs/decisions/0026-incidents.md): everything here starts from PUBLIC_INCIDENT and reads only published claims,
// so a draft attached to an incident never shows through its page, its feed, the list, the sitemap or the figures.

export const PUBLIC_INCIDENT = { claims: { some: PUBLISHED } } satisfies Prisma.IncidentWhereInput;

const DAY_MS = 86_400_000;

function incidentWhere(filters: Omit<IncidentFilters, "page">): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [PUBLIC_INCIDENT];
  if (filters.from || filters.to)
    and.push({
      date: {
        ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
        ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
      },
    });
  if (filters.category) and.push({ claims: { some: { ...PUBLISHED, category: filters.category } } });
  if (filters.side) and.push({ claims: { some: { ...PUBLISHED, claimant: { side: filters.side } } } });
  return { AND: and };
}

const incidentSummarySelect = {
  slug: true,
  title: true,
  date: true,
  datePrecision: true,
  location: true,
  locationPrecision: true,
  latitude: true,
  longitude: true,
} satisfies Prisma.IncidentSelect;

/** Newest first (the incident's date, then the newest record). */
export async function listPublicIncidents(db: Db, filters: IncidentFilters, pageSize = INCIDENT_PAGE_SIZE) {
  const where = incidentWhere(filters);
  const total = await db.incident.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const rows = await db.incident.findMany({
    where,
    orderBy: [{ date: "desc" }, { id: "desc" }],
    skip: (filters.page - 1) * pageSize,
    take: pageSize,
    select: {
      ...incidentSummarySelect,
      claims: { where: PUBLISHED, select: { claimant: { select: { name: true, side: true } } } },
    },
  });
  const incidents = rows.map(({ claims, ...incident }) => ({
    ...incident,
    claimCount: claims.length,
    claimants: [...new Set(claims.map((c) => c.claimant.name))].sort(),
  }));
  return { total, page: filters.page, pageSize, pageCount, incidents };
}
export type IncidentSummary = Awaited<ReturnType<typeof listPublicIncidents>>["incidents"][number];

/** The claimants' sides offered by the list's side filter: those of published claims about a public incident. */
export async function listIncidentSides(db: Db): Promise<string[]> {
  const rows = await db.actor.findMany({
    where: { side: { not: null }, claims: { some: { ...PUBLISHED, incidentId: { not: null } } } },
    distinct: ["side"],
    orderBy: { side: "asc" },
    select: { side: true },
  });
  return rows.flatMap((r) => (r.side ? [r.side] : []));
}

/**
 * A public incident with its published claims (each with its figures): null for an incident readers may not see.
 * The figures of every claim are gathered so the page can set the reporters side by side.
 */
export async function getPublicIncident(db: Db, slug: string) {
  const incident = await db.incident.findFirst({
    where: { slug, ...PUBLIC_INCIDENT },
    select: {
      ...incidentSummarySelect,
      description: true,
      updatedAt: true,
      claims: {
        where: PUBLISHED,
        orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
        select: {
          ...claimSummarySelect,
          figures: { orderBy: [{ population: "asc" }, { outcome: "asc" }, { id: "asc" }], select: readerFigureSelect },
        },
      },
    },
  });
  if (!incident) return null;
  const { claims, ...rest } = incident;
  const byClaimant = new Map<string, { claimant: (typeof claims)[number]["claimant"]; claims: typeof claims }>();
  for (const claim of claims) {
    const group = byClaimant.get(claim.claimant.slug);
    if (group) group.claims.push(claim);
    else byClaimant.set(claim.claimant.slug, { claimant: claim.claimant, claims: [claim] });
  }
  return {
    ...rest,
    claimCount: claims.length,
    byClaimant: [...byClaimant.values()].map((g) => ({
      claimant: g.claimant,
      claims: g.claims.map(({ figures: _f, ...c }) => c),
    })),
    figures: claims.flatMap((c) => c.figures.map(toReaderFigure)),
    lastChanged: new Date(Math.max(rest.updatedAt.getTime(), ...claims.map((c) => c.updatedAt.getTime()))),
  };
}
export type PublicIncident = NonNullable<Awaited<ReturnType<typeof getPublicIncident>>>;

/** For proxy.ts: whether an incident URL shows a page (a 404 otherwise, an incident of drafts only included). */
export async function publicIncidentExists(db: Db, slug: string): Promise<boolean> {
  return (await db.incident.count({ where: { slug, ...PUBLIC_INCIDENT } })) > 0;
}

import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { PAGE_SIZE, type ClaimFilters } from "@/lib/validation/claim-filters";
import { PUBLISHED, claimOrderBy, claimWhere } from "@/lib/data/reads/claim-query";
import { searchClaimIds, searchClaimPage, searchMatches, type SearchMatch } from "@/lib/data/reads/search";
import { toFtsQuery } from "@/lib/sqlite/fts-query";
import { figureNumbersSelect, sourceCardSelect } from "@/lib/data/stored-fields";

// Reader reads of claims. Every function takes the client, so the same code runs in the server (cached, see
// lib/data/entry-points/reader.ts), in scripts and in unit tests against a real SQLite file.

export const claimSummarySelect = {
  slug: true,
  statement: true,
  originalText: true,
  originalLanguage: true,
  category: true,
  kind: true,
  status: true,
  statusRationale: true,
  claimedAt: true,
  claimedAtPrecision: true,
  updatedAt: true,
  location: true,
  claimant: { select: { slug: true, name: true, country: true, side: true } },
  // The actors it is about (docs/decisions/0029-claims-about-actors.md); public with the claim (public-actor.ts).
  about: { orderBy: { actor: { name: "asc" } }, select: { actor: { select: { slug: true, name: true } } } },
} satisfies Prisma.ClaimSelect;
export type ClaimSummary = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>;
/** A list entry: with search words, also the words that matched. */
export type ClaimListEntry = ClaimSummary & { match: SearchMatch | null };

/**
 * One page of published claims with every filter applied. With search words the claims come from the full-text
 * index, ranked by relevance unless another sort is asked for; `unsearchable` says the words held nothing to look
 * for (only punctuation, say), which matches no claim.
 */
export async function listPublishedClaims(db: Db, filters: ClaimFilters, pageSize = PAGE_SIZE) {
  const skip = (filters.page - 1) * pageSize;
  // `listed`: how many of the matches can be paged through (a relevance search ranks only the newest RANK_WINDOW,
  // lib/sqlite/search.ts); `totalIsEstimate`: `total` is a lower bound ("more than 1,000").
  const page = (
    total: number,
    claims: ClaimListEntry[],
    { unsearchable = false, totalIsEstimate = false, listed = total } = {},
  ) => ({
    total,
    totalIsEstimate,
    listed,
    page: filters.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(listed / pageSize)),
    claims,
    unsearchable,
  });

  if (filters.q) {
    const match = toFtsQuery(filters.q);
    if (!match) return page(0, [], { unsearchable: true });
    const {
      total,
      totalIsEstimate,
      listed,
      ids,
      match: searched,
    } = await searchClaimPage(db, match, filters, {
      sort: filters.sort,
      offset: skip,
      limit: pageSize,
    });
    const [rows, matches] = await Promise.all([
      db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, ...claimSummarySelect } }),
      searchMatches(db, searched, ids),
    ]);
    const byId = new Map(rows.map(({ id, ...claim }) => [id, claim]));
    // In the search's order; a claim deleted between the two reads is left out.
    const claims = ids.flatMap((id) => {
      const claim = byId.get(id);
      return claim ? [{ ...claim, match: matches.get(id) ?? null }] : [];
    });
    return page(total, claims, { totalIsEstimate, listed });
  }

  const where = claimWhere(filters);
  const [total, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({ where, orderBy: claimOrderBy(filters), skip, take: pageSize, select: claimSummarySelect }),
  ]);
  return page(
    total,
    claims.map((claim) => ({ ...claim, match: null })),
  );
}

/**
 * The ids of every published claim the filters match, in list order: the CSV export reads the rows in pages by
 * these, so memory holds ids, not 100,000 claims.
 */
export async function listPublishedClaimIds(db: Db, filters: Omit<ClaimFilters, "page">): Promise<number[]> {
  if (filters.q) {
    const match = toFtsQuery(filters.q);
    return match ? searchClaimIds(db, match, filters, filters.sort) : [];
  }
  const rows = await db.claim.findMany({
    where: claimWhere(filters),
    orderBy: claimOrderBy(filters),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

// Prisma's query compiler refuses more than 999 bound values per SQLite statement (P2029), so long id lists are read
// in chunks.
const IDS_PER_QUERY = 500;

/** Published claims by id, in the order of `ids` (a page of an export); ids of drafts or deleted claims are skipped. */
export async function listPublishedClaimsByIds(db: Db, ids: number[]): Promise<ClaimSummary[]> {
  const byId = new Map<number, ClaimSummary>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + IDS_PER_QUERY);
    const rows = await db.claim.findMany({
      where: { id: { in: chunk }, ...PUBLISHED },
      select: { id: true, ...claimSummarySelect },
    });
    for (const { id, ...claim } of rows) byId.set(id, claim);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The other end of a link, as the claim page lists it. */
const linkedClaimSelect = {
  slug: true,
  statement: true,
  status: true,
  kind: true,
  claimant: { select: { name: true } },
} as const;

const WITHHELD = "Identity withheld";

/** A casualty figure as readers see it (claim and incident pages), before toReaderFigure. */
export const readerFigureSelect = {
  ...figureNumbersSelect,
  reportedBy: { select: { slug: true, name: true } },
  source: { select: { title: true, publisher: true, url: true, protected: true } },
} satisfies Prisma.CasualtyFigureSelect;

/** A protected source of a figure is named as withheld, never by its title or address. */
export function toReaderFigure(f: Prisma.CasualtyFigureGetPayload<{ select: typeof readerFigureSelect }>) {
  return {
    population: f.population,
    outcome: f.outcome,
    min: f.min,
    max: f.max,
    reportedAt: f.reportedAt,
    note: f.note,
    noSourceReason: f.noSourceReason,
    reportedBy: f.reportedBy,
    source: f.source
      ? f.source.protected
        ? { title: WITHHELD, publisher: null, url: null }
        : { title: f.source.title, publisher: f.source.publisher, url: f.source.url }
      : null,
  };
}

const claimDetailSelect = {
  id: true,
  slug: true,
  statement: true,
  originalText: true,
  originalLanguage: true,
  category: true,
  kind: true,
  status: true,
  statusRationale: true,
  claimedAt: true,
  claimedAtPrecision: true,
  location: true,
  publishedAt: true,
  updatedAt: true,
  claimant: { select: { slug: true, name: true, kind: true, country: true, side: true, sameAs: true } },
  about: claimSummarySelect.about,
  incident: {
    select: { slug: true, title: true, date: true, datePrecision: true, location: true, locationPrecision: true },
  },
  sources: {
    orderBy: { id: "asc" },
    select: {
      stance: true,
      note: true,
      source: {
        select: {
          ...sourceCardSelect,
          derivedFromId: true,
          derivedFrom: { select: { title: true, publisher: true, protected: true } },
        },
      },
    },
  },
  figures: { orderBy: [{ population: "asc" }, { outcome: "asc" }, { id: "asc" }], select: readerFigureSelect },
  linksFrom: {
    where: { to: PUBLISHED },
    orderBy: { id: "asc" },
    select: { type: true, note: true, to: { select: linkedClaimSelect } },
  },
  linksTo: {
    where: { from: PUBLISHED },
    orderBy: { id: "asc" },
    select: { type: true, note: true, from: { select: linkedClaimSelect } },
  },
  statusChanges: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      from: true,
      to: true,
      rationale: true,
      isCorrection: true,
      createdAt: true,
      editor: { select: { name: true } },
      // Set when the change went through review: the timeline names who proposed it and who approved it.
      proposedBy: { select: { name: true } },
    },
  },
} satisfies Prisma.ClaimSelect;

/** A published claim as readers may see it (protected sources withheld), or null. */
export async function getPublishedClaim(db: Db, slug: string) {
  const claim = await db.claim.findFirst({ where: { slug, ...PUBLISHED }, select: claimDetailSelect });
  if (!claim) return null;
  return toReaderView(claim);
}

type ClaimDetailRow = Prisma.ClaimGetPayload<{ select: typeof claimDetailSelect }>;

/**
 * Removes what readers must not see before it leaves the data layer, so no page or API can leak it:
 * a protected source keeps its type, stance and the reason, never its title, publisher, address or date.
 */
function toReaderView(claim: ClaimDetailRow) {
  const sources = claim.sources.map(({ stance, note, source }, index) => {
    const common = { key: `s${index}`, stance, note, type: source.type };
    if (source.protected) {
      // Not even its date: with the type and the claim, a publication date can be enough to identify a source.
      return {
        ...common,
        withheld: true as const,
        reason: source.protectedReason ?? "Withheld for the source's safety.",
      };
    }
    const derivedFrom = source.derivedFrom
      ? source.derivedFrom.protected
        ? { title: WITHHELD, publisher: null }
        : { title: source.derivedFrom.title, publisher: source.derivedFrom.publisher }
      : null;
    return {
      ...common,
      withheld: false as const,
      publishedAt: source.publishedAt,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      archiveUrl: source.archiveUrl,
      derivedFrom,
    };
  });
  // Ten outlets repeating one press release are one source: count distinct origins.
  const independentSources = new Set(claim.sources.map(({ source }) => source.derivedFromId ?? source.id)).size;

  const figures = claim.figures.map(toReaderFigure);

  const links = [
    ...claim.linksFrom.map((l) => ({ direction: "outgoing" as const, type: l.type, note: l.note, other: l.to })),
    ...claim.linksTo.map((l) => ({ direction: "incoming" as const, type: l.type, note: l.note, other: l.from })),
  ];

  const { sources: _s, figures: _f, linksFrom: _lf, linksTo: _lt, id: _id, ...rest } = claim;
  return { ...rest, sources, independentSources, figures, links };
}
export type ReaderClaim = NonNullable<Awaited<ReturnType<typeof getPublishedClaim>>>;
export type ReaderSource = ReaderClaim["sources"][number];
export type ReaderFigure = ReaderClaim["figures"][number];
export type ReaderLink = ReaderClaim["links"][number];

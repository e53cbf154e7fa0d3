import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { claimedAtRange } from "@/lib/data/reads/claim-query";
import { MARK_END, MARK_START, toSegments } from "@/lib/domain/highlight";
import type { Sort } from "@/lib/validation/claim-filters";
import { toTsQuery } from "@/lib/postgres/ts-query";
import { joinPhraseMarks, phraseLinks } from "@/lib/postgres/phrase-marks";
import { RANK_WINDOW, type SearchFilters, type SearchMatch, type SearchPage } from "@/lib/sqlite/search";

// The PostgreSQL counterpart of lib/sqlite/search.ts, with the same functions and results (lib/data/reads/search.ts
// picks one by the client's engine). "Claim"."search" is a tsvector of the published claim's statement (weight A),
// original wording (B), claimant name (C) and rationale (D), NULL for drafts, kept by the trigger of
// scripts/postgres-schema.ts and indexed with GIN. `match` is the FTS5 expression callers build; toTsQuery()
// rewrites it for to_tsquery('claimwatch', …) (the 'simple' configuration without Latin diacritics, scripts/postgres-schema.ts). Every value is a bound parameter.

type IdRow = { id: number | bigint };

/** ts_rank weights for D, C, B, A: the proportions of the bm25 weights of the SQLite index (2, 4, 6, 10). */
const RANK_WEIGHTS = "{0.2, 0.4, 0.6, 1.0}";
const tsQuery = (query: string) => Prisma.sql`to_tsquery('claimwatch', ${query})`;
const rank = (query: string) => Prisma.sql`ts_rank(${RANK_WEIGHTS}::float4[], c."search", ${tsQuery(query)})`;

function claimConditions(filters: SearchFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  // Enum columns compared with a text parameter need the cast on PostgreSQL.
  if (filters.status) conditions.push(Prisma.sql`c."status"::text = ${filters.status}`);
  if (filters.kind) conditions.push(Prisma.sql`c."kind"::text = ${filters.kind}`);
  if (filters.category) conditions.push(Prisma.sql`c."category"::text = ${filters.category}`);
  if (filters.actor)
    conditions.push(Prisma.sql`c."claimantId" = (SELECT a."id" FROM "Actor" a WHERE a."slug" = ${filters.actor})`);
  const { gte, lt } = claimedAtRange(filters);
  if (gte) conditions.push(Prisma.sql`c."claimedAt" >= ${gte}`);
  if (lt) conditions.push(Prisma.sql`c."claimedAt" < ${lt}`);
  return conditions;
}

/** Published claims matching the query and the filters (drafts have no search document; checked again here). */
function whereMatches(query: string, conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join(
    [Prisma.sql`c."search" @@ ${tsQuery(query)}`, Prisma.sql`c."publishedAt" IS NOT NULL`, ...conditions],
    " AND ",
  );
}

function claimOrder(sort: Exclude<Sort, "relevance">): Prisma.Sql {
  switch (sort) {
    case "oldest":
      return Prisma.sql`ORDER BY c."claimedAt" ASC, c."id" ASC`;
    case "updated":
      return Prisma.sql`ORDER BY c."updatedAt" DESC, c."id" DESC`;
    case "newest":
      return Prisma.sql`ORDER BY c."claimedAt" DESC, c."id" DESC`;
  }
}

/** As lib/sqlite/search.ts: relevance ranks the newest RANK_WINDOW matches; filtered counts stop past it. */
export async function searchClaimPage(
  db: Db,
  match: string,
  filters: SearchFilters,
  { sort, offset, limit }: { sort: Sort; offset: number; limit: number },
  { rankWindow = RANK_WINDOW }: { rankWindow?: number; walkMinMatches?: number } = {},
): Promise<SearchPage> {
  const query = toTsQuery(match);
  if (!query) return { total: 0, totalIsEstimate: false, listed: 0, ids: [], match };
  const conditions = claimConditions(filters);
  const where = whereMatches(query, conditions);
  const counted = await guard(
    conditions.length === 0
      ? db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Claim" c WHERE ${where}`
      : db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Claim" c WHERE ${where}
          LIMIT ${rankWindow + 1}) AS capped`,
    [{ n: 0 }],
  );
  let total = Number(counted[0]?.n ?? 0);
  let totalIsEstimate = false;
  if (conditions.length && total > rankWindow) {
    total = rankWindow;
    totalIsEstimate = true;
  }
  const listed = sort === "relevance" || totalIsEstimate ? Math.min(total, rankWindow) : total;
  if (total === 0 || offset >= listed) return { total, totalIsEstimate, listed, ids: [], match };
  const take = Math.min(limit, listed - offset);
  const rows = await guard(
    sort === "relevance"
      ? db.$queryRaw<IdRow[]>`SELECT id FROM (SELECT c."id" AS id, ${rank(query)} AS score FROM "Claim" c
          WHERE ${where} ORDER BY c."id" DESC LIMIT ${rankWindow}) AS newest
          ORDER BY score DESC, id DESC LIMIT ${take} OFFSET ${offset}`
      : db.$queryRaw<IdRow[]>`SELECT c."id" AS id FROM "Claim" c WHERE ${where} ${claimOrder(sort)}
          LIMIT ${take} OFFSET ${offset}`,
    [],
  );
  return { total, totalIsEstimate, listed, ids: rows.map((r) => Number(r.id)), match };
}

/** Every matching published claim id in order (the CSV export). */
export async function searchClaimIds(db: Db, match: string, filters: SearchFilters, sort: Sort): Promise<number[]> {
  const query = toTsQuery(match);
  if (!query) return [];
  const where = whereMatches(query, claimConditions(filters));
  const orderBy = sort === "relevance" ? Prisma.sql`ORDER BY ${rank(query)} DESC, c."id" DESC` : claimOrder(sort);
  const rows = await guard(db.$queryRaw<IdRow[]>`SELECT c."id" AS id FROM "Claim" c WHERE ${where} ${orderBy}`, []);
  return rows.map((r) => Number(r.id));
}

/** ts_headline options: the marks of lib/domain/highlight.ts; whole short texts, snippets of the long ones. */
const WHOLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const SNIPPET = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=16, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/** The matched words of the given claims: the statement and claimant name whole, the longer texts as snippets. */
export async function searchMatches(db: Db, match: string, ids: number[]): Promise<Map<number, SearchMatch>> {
  const query = toTsQuery(match);
  if (ids.length === 0 || !query) return new Map();
  const q = tsQuery(query);
  const rows = await guard(
    db.$queryRaw<
      {
        id: number | bigint;
        statement: string | null;
        claimantName: string | null;
        originalText: string | null;
        statusRationale: string | null;
      }[]
    >`
      SELECT c."id" AS id,
        ts_headline('claimwatch', c."statement", ${q}, ${WHOLE}) AS "statement",
        ts_headline('claimwatch', a."name", ${q}, ${WHOLE}) AS "claimantName",
        ts_headline('claimwatch', c."originalText", ${q}, ${SNIPPET}) AS "originalText",
        ts_headline('claimwatch', c."statusRationale", ${q}, ${SNIPPET}) AS "statusRationale"
      FROM "Claim" c JOIN "Actor" a ON a."id" = c."claimantId"
      WHERE c."id" IN (${Prisma.join(ids)}) AND c."search" @@ ${q}`,
    [],
  );
  // One mark per phrase match, as FTS5 marks them (lib/postgres/phrase-marks.ts).
  const links = phraseLinks(match);
  const segments = (text: string) => joinPhraseMarks(toSegments(text), links);
  const matched = (text: string | null) => (text?.includes(MARK_START) ? segments(text) : null);
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        statement: segments(r.statement ?? ""),
        claimantName: matched(r.claimantName),
        originalText: matched(r.originalText),
        statusRationale: matched(r.statusRationale),
      },
    ]),
  );
}

/** For each expression, how many published claims match it, counted no further than `cap`. One statement. */
export async function cappedMatchCounts(db: Db, expressions: string[], cap: number): Promise<number[]> {
  const counts = expressions.map(() => 0);
  const parts = expressions.flatMap((match, i) => {
    const query = toTsQuery(match);
    return query
      ? [
          Prisma.sql`SELECT ${i}::int AS i, (SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" c
            WHERE ${whereMatches(query, [])} LIMIT ${cap}) AS capped) AS n`,
        ]
      : [];
  });
  if (parts.length === 0) return counts;
  const rows = await guard(
    db.$queryRaw<{ i: number | bigint; n: number | bigint }[]>(Prisma.join(parts, " UNION ALL ")),
    [],
  );
  for (const row of rows) counts[Number(row.i)] = Number(row.n);
  return counts;
}

/** Published claims matching `match` (from toSimilarityQuery()), without `excludeId`, by rank or newest first. */
export async function similarClaimIds(
  db: Db,
  match: string,
  { excludeId, limit, order }: { excludeId?: number; limit: number; order: "rank" | "newest" },
): Promise<number[]> {
  const query = toTsQuery(match);
  if (!query) return [];
  const orderBy =
    order === "rank" ? Prisma.sql`ORDER BY ${rank(query)} DESC, c."id" DESC` : Prisma.sql`ORDER BY c."id" DESC`;
  const rows = await guard(
    db.$queryRaw<IdRow[]>`SELECT c."id" AS id FROM "Claim" c
      WHERE ${whereMatches(query, [])} AND c."id" <> ${excludeId ?? -1} ${orderBy} LIMIT ${limit}`,
    [],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * toTsQuery() builds only queries to_tsquery accepts, so this should never catch anything; if it still refuses one,
 * the reader gets no results instead of an error page. Any other error is thrown.
 */
async function guard<T>(query: Promise<T>, empty: T): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (!/tsquery/i.test(error instanceof Error ? error.message : String(error))) throw error;
    console.error("PostgreSQL refused a search expression", error);
    return empty;
  }
}

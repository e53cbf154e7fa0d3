import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { claimedAtRange } from "@/lib/data/reads/claim-query";
import { MARK_END, MARK_START, toSegments, type Segment } from "@/lib/domain/highlight";
import type { ClaimFilters, Sort } from "@/lib/validation/claim-filters";

// The SQLite-only search SQL. "ClaimSearch" (migration 20261125180000_claim_search) is an FTS5 index of the
// published claims, rowid = claim id, kept in sync by triggers. A PostgreSQL build replaces this module and
// lib/sqlite/fts-query.ts. Every value is a bound parameter (Prisma.sql); `match` must come from toFtsQuery() (or
// toSimilarityQuery() in lib/domain/similar-terms.ts).

export type SearchFilters = Pick<ClaimFilters, "status" | "category" | "actor" | "from" | "to">;

/** The matched words of one claim, as segments to render with <mark>; null where that field has no match. */
export type SearchMatch = {
  statement: Segment[];
  claimantName: Segment[] | null;
  originalText: Segment[] | null;
  statusRationale: Segment[] | null;
};

type IdRow = { id: number | bigint };

/** The filters that need the claim row; without any, counting and ranking stay inside the FTS5 index. */
function claimConditions(filters: SearchFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`c."status" = ${filters.status}`);
  if (filters.category) conditions.push(Prisma.sql`c."category" = ${filters.category}`);
  if (filters.actor)
    conditions.push(Prisma.sql`c."claimantId" = (SELECT a."id" FROM "Actor" a WHERE a."slug" = ${filters.actor})`);
  // Dates are bound as Date objects: the adapter writes them in the format it stores DateTime columns in.
  const { gte, lt } = claimedAtRange(filters);
  if (gte) conditions.push(Prisma.sql`c."claimedAt" >= ${gte}`);
  if (lt) conditions.push(Prisma.sql`c."claimedAt" < ${lt}`);
  return conditions;
}

/**
 * The FROM … WHERE … of a search for counting (`count`) and for listing in order (`from` + `orderBy`). Filters are a
 * set of claim ids, read from the Claim indexes, that FTS5 checks each match against: measured 3–10× faster at
 * 100,000 claims than joining Claim for every match (npm run bench:search), and the order does not need Claim.
 * Relevance is FTS5's rank (bm25 with the column weights stored in the table); equal scores put the newer entry
 * (higher id) first, so pages never repeat or skip a claim. The date sorts need Claim's columns, so they join.
 */
function searchSql(
  match: string,
  filters: SearchFilters,
  sort: Sort,
): { count: Prisma.Sql; from: Prisma.Sql; orderBy: Prisma.Sql } {
  const conditions = claimConditions(filters);
  const filtered = conditions.length
    ? Prisma.sql` AND +"ClaimSearch"."rowid" IN (SELECT c."id" FROM "Claim" c WHERE ${Prisma.join(conditions, " AND ")})`
    : Prisma.empty;
  const count = Prisma.sql`FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match}${filtered}`;
  if (sort === "relevance")
    return { count, from: count, orderBy: Prisma.sql`ORDER BY "ClaimSearch"."rank", "ClaimSearch"."rowid" DESC` };
  const where = Prisma.join([Prisma.sql`"ClaimSearch" MATCH ${match}`, ...conditions], " AND ");
  return {
    count,
    from: Prisma.sql`FROM "ClaimSearch" JOIN "Claim" c ON c."id" = "ClaimSearch"."rowid" WHERE ${where}`,
    orderBy: claimOrder(sort),
  };
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

/** One page of matching published claim ids in order, and how many match in all. */
export async function searchClaimPage(
  db: Db,
  match: string,
  filters: SearchFilters,
  { sort, offset, limit }: { sort: Sort; offset: number; limit: number },
): Promise<{ total: number; ids: number[] }> {
  const { count, from, orderBy } = searchSql(match, filters, sort);
  // Two statements on purpose: without filters FTS5 counts from its index alone (well under a millisecond), and a
  // COUNT(*) OVER () window on the ranked query measured slower than both together.
  const counted = await guard(db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n ${count}`, [{ n: 0 }]);
  const total = Number(counted[0]?.n ?? 0);
  if (total === 0 || offset >= total) return { total, ids: [] };
  const rows = await guard(
    db.$queryRaw<IdRow[]>`SELECT "ClaimSearch"."rowid" AS id ${from} ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    [],
  );
  return { total, ids: rows.map((r) => Number(r.id)) };
}

/** Every matching published claim id in order (for the CSV export: ids only, the rows are read in pages). */
export async function searchClaimIds(db: Db, match: string, filters: SearchFilters, sort: Sort): Promise<number[]> {
  const { from, orderBy } = searchSql(match, filters, sort);
  const rows = await guard(db.$queryRaw<IdRow[]>`SELECT "ClaimSearch"."rowid" AS id ${from} ${orderBy}`, []);
  return rows.map((r) => Number(r.id));
}

const SNIPPET_WORDS = 16;

/** The matched words of the given claims: the statement and claimant name whole, the longer texts as snippets. */
export async function searchMatches(db: Db, match: string, ids: number[]): Promise<Map<number, SearchMatch>> {
  if (ids.length === 0) return new Map();
  // "+rowid" keeps the id list out of FTS5's index lookup: one pass over the matches, instead of setting the
  // query up again for each id (slow for a prefix that the 3-character prefix index does not cover).
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
      SELECT "rowid" AS id,
        highlight("ClaimSearch", 0, ${MARK_START}, ${MARK_END}) AS statement,
        highlight("ClaimSearch", 3, ${MARK_START}, ${MARK_END}) AS claimantName,
        snippet("ClaimSearch", 1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) AS originalText,
        snippet("ClaimSearch", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_WORDS}) AS statusRationale
      FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} AND +"rowid" IN (${Prisma.join(ids)})`,
    [],
  );
  const matched = (text: string | null) => (text?.includes(MARK_START) ? toSegments(text) : null);
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        statement: toSegments(r.statement ?? ""),
        claimantName: matched(r.claimantName),
        originalText: matched(r.originalText),
        statusRationale: matched(r.statusRationale),
      },
    ]),
  );
}

/**
 * For each expression, how many published claims match it, counted no further than `cap`: with LIMIT, FTS5 stops
 * reading a long list of matches early, so telling a common word from a rare one stays cheap. One statement.
 */
export async function cappedMatchCounts(db: Db, expressions: string[], cap: number): Promise<number[]> {
  if (expressions.length === 0) return [];
  const parts = expressions.map(
    (match, i) =>
      Prisma.sql`SELECT ${i} AS i, (SELECT COUNT(*) FROM (SELECT 1 FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} LIMIT ${cap})) AS n`,
  );
  const rows = await guard(
    db.$queryRaw<{ i: number | bigint; n: number | bigint }[]>(Prisma.join(parts, " UNION ALL ")),
    [],
  );
  const counts = expressions.map(() => 0);
  for (const row of rows) counts[Number(row.i)] = Number(row.n);
  return counts;
}

/**
 * Published claims matching `match` (from toSimilarityQuery()), without `excludeId`: the candidates for "similar
 * claims". By bm25 rank, or the newest first: ranking reads every match, and an expression of common words can match
 * tens of thousands of claims, while FTS5 reads matches newest first and stops at the limit.
 */
export async function similarClaimIds(
  db: Db,
  match: string,
  { excludeId, limit, order }: { excludeId?: number; limit: number; order: "rank" | "newest" },
): Promise<number[]> {
  const orderBy = order === "rank" ? Prisma.sql`ORDER BY "rank", "rowid" DESC` : Prisma.sql`ORDER BY "rowid" DESC`;
  const rows = await guard(
    db.$queryRaw<
      IdRow[]
    >`SELECT "rowid" AS id FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} AND "rowid" <> ${excludeId ?? -1} ${orderBy} LIMIT ${limit}`,
    [],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * toFtsQuery() and toSimilarityQuery() only build expressions FTS5 accepts, so this should never catch anything. If FTS5 still refuses
 * one, the reader gets no results instead of an error page; any other error is thrown.
 */
async function guard<T>(query: Promise<T>, empty: T): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (!/fts5/i.test(error instanceof Error ? error.message : String(error))) throw error;
    console.error("FTS5 refused a search expression", error);
    return empty;
  }
}

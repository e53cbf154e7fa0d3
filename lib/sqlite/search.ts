import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { claimedAtRange } from "@/lib/data/reads/claim-query";
import { MARK_END, MARK_START, toSegments, type Segment } from "@/lib/domain/highlight";
import type { ClaimFilters, Sort } from "@/lib/validation/claim-filters";
import { PREFIX_MIN } from "@/lib/sqlite/fts-query";

// The SQLite-only search SQL. "ClaimSearch" (migration 20261125180000_claim_search) is an FTS5 index of the
// published claims, rowid = claim id, kept in sync by triggers. A PostgreSQL build replaces this module and
// lib/sqlite/fts-query.ts. Every value is a bound parameter (Prisma.sql); `match` must come from toFtsQuery() (or
// toSimilarityQuery() in lib/domain/similar-terms.ts).

export type SearchFilters = Pick<ClaimFilters, "status" | "kind" | "category" | "actor" | "about" | "from" | "to">;

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
  if (filters.kind) conditions.push(Prisma.sql`c."kind" = ${filters.kind}`);
  if (filters.category) conditions.push(Prisma.sql`c."category" = ${filters.category}`);
  if (filters.actor)
    conditions.push(Prisma.sql`c."claimantId" = (SELECT a."id" FROM "Actor" a WHERE a."slug" = ${filters.actor})`);
  if (filters.about)
    conditions.push(
      Prisma.sql`c."id" IN (SELECT ca."claimId" FROM "ClaimAbout" ca JOIN "Actor" a ON a."id" = ca."actorId" WHERE a."slug" = ${filters.about})`,
    );
  // Dates are bound as Date objects: the adapter writes them in the format it stores DateTime columns in.
  const { gte, lt } = claimedAtRange(filters);
  if (gte) conditions.push(Prisma.sql`c."claimedAt" >= ${gte}`);
  if (lt) conditions.push(Prisma.sql`c."claimedAt" < ${lt}`);
  return conditions;
}

/**
 * The FROM … WHERE … of a whole search in order (the CSV export; pages use searchClaimPage). Filters are a
 * set of claim ids, read from the Claim indexes, that FTS5 checks each match against: measured 3–10× faster at
 * 100,000 claims than joining Claim for every match (npm run bench:search), and the order does not need Claim.
 * Relevance is FTS5's rank (bm25 with the column weights stored in the table); equal scores put the newer entry
 * (higher id) first, so pages never repeat or skip a claim. The date sorts need Claim's columns, so they join.
 */
function searchSql(match: string, filters: SearchFilters, sort: Sort): { from: Prisma.Sql; orderBy: Prisma.Sql } {
  const conditions = claimConditions(filters);
  const filtered = conditions.length
    ? Prisma.sql` AND +"ClaimSearch"."rowid" IN (SELECT c."id" FROM "Claim" c WHERE ${Prisma.join(conditions, " AND ")})`
    : Prisma.empty;
  const all = Prisma.sql`FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match}${filtered}`;
  if (sort === "relevance")
    return { from: all, orderBy: Prisma.sql`ORDER BY "ClaimSearch"."rank", "ClaimSearch"."rowid" DESC` };
  const where = Prisma.join([Prisma.sql`"ClaimSearch" MATCH ${match}`, ...conditions], " AND ");
  return {
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

/**
 * How many matches a relevance search ranks: the newest RANK_WINDOW (after filters), by bm25 among them. bm25 must
 * score every row it orders, so ranking all 95,000 matches of a word in nearly every claim cost 250-700 ms; ranking
 * the newest 1,000 costs a few. A search with filters also counts no further than this (the join with Claim is what
 * costs), and then says "more than 1,000". docs/decisions/0013-search-at-scale.md.
 */
export const RANK_WINDOW = 1000;
/** A prefix that stands for more indexed words than this stays a prefix search. */
export const MAX_PREFIX_FORMS = 4;
/** A date-sorted search without filters that matches at least this many claims walks the date index instead. */
const WALK_MIN_MATCHES = 20_000;

export type SearchPage = {
  /** How many published claims match, or with `totalIsEstimate` a lower bound (RANK_WINDOW). */
  total: number;
  totalIsEstimate: boolean;
  /** How many of them can be paged through: min(total, RANK_WINDOW) for relevance, all of them by date. */
  listed: number;
  ids: number[];
  /** The expression searched, prefixes narrowed: pass it to searchMatches() so it does not read a prefix again. */
  match: string;
};

/** One page of matching published claim ids in order, and how many match (see SearchPage). */
export async function searchClaimPage(
  db: Db,
  rawMatch: string,
  filters: SearchFilters,
  { sort, offset, limit }: { sort: Sort; offset: number; limit: number },
  // Smaller values let the unit tests reach each path with a handful of claims.
  { rankWindow = RANK_WINDOW, walkMinMatches = WALK_MIN_MATCHES } = {},
): Promise<SearchPage> {
  const match = await narrowPrefixes(db, rawMatch);
  const conditions = claimConditions(filters);
  if (conditions.length && sort === "relevance")
    return { ...(await rankedFilteredPage(db, match, conditions, rankWindow, offset, limit)), match };
  let total: number;
  let totalIsEstimate = false;
  if (conditions.length === 0) {
    // FTS5 counts from its doclists alone: a few ms even for a word in every claim, once prefixes are narrowed.
    const counted = await guard(
      db.$queryRaw<
        { n: number | bigint }[]
      >`SELECT COUNT(*) AS n FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match}`,
      [{ n: 0 }],
    );
    total = Number(counted[0]?.n ?? 0);
  } else {
    const where = Prisma.join([Prisma.sql`"ClaimSearch" MATCH ${match}`, ...conditions], " AND ");
    const counted = await guard(
      db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "ClaimSearch"
        CROSS JOIN "Claim" c ON c."id" = "ClaimSearch"."rowid" WHERE ${where} LIMIT ${rankWindow + 1})`,
      [{ n: 0 }],
    );
    total = Number(counted[0]?.n ?? 0);
    if (total > rankWindow) {
      total = rankWindow;
      totalIsEstimate = true;
    }
  }
  const listed = sort === "relevance" || totalIsEstimate ? Math.min(total, rankWindow) : total;
  if (total === 0 || offset >= listed) return { total, totalIsEstimate, listed, ids: [], match };
  const take = Math.min(limit, listed - offset);
  const ids =
    sort === "relevance"
      ? await rankedPage(db, match, rankWindow, offset, take)
      : ((conditions.length === 0 && total >= walkMinMatches
          ? await walkedPage(db, match, sort, offset, take)
          : null) ?? (await joinedPage(db, match, conditions, sort, offset, take)));
  return { total, totalIsEstimate, listed, ids, match };
}

/**
 * The newest RANK_WINDOW matches (FTS5 reads its doclists by rowid, newest first, and stops at the LIMIT), ordered
 * by bm25 among themselves; equal scores put the newer claim first. Below RANK_WINDOW matches this is the full
 * ranking.
 */
async function rankedPage(db: Db, match: string, rankWindow: number, offset: number, limit: number): Promise<number[]> {
  const rows = await guard(
    db.$queryRaw<IdRow[]>`SELECT id FROM (SELECT "rowid" AS id, "rank" AS score FROM "ClaimSearch"
      WHERE "ClaimSearch" MATCH ${match} ORDER BY "rowid" DESC LIMIT ${rankWindow})
      ORDER BY score, id DESC LIMIT ${limit} OFFSET ${offset}`,
    [],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * With filters, by relevance: one statement reads the newest RANK_WINDOW + 1 matches that pass the filters (each
 * checked against its Claim row by primary key as FTS5 reads it) with their bm25 scores. Their number is the count
 * (a lower bound past RANK_WINDOW); the first RANK_WINDOW are ranked here, as rankedPage() orders them.
 */
async function rankedFilteredPage(
  db: Db,
  match: string,
  conditions: Prisma.Sql[],
  rankWindow: number,
  offset: number,
  limit: number,
): Promise<Omit<SearchPage, "match">> {
  const where = Prisma.join([Prisma.sql`"ClaimSearch" MATCH ${match}`, ...conditions], " AND ");
  const rows = await guard(
    db.$queryRaw<(IdRow & { score: number })[]>`SELECT "ClaimSearch"."rowid" AS id, "ClaimSearch"."rank" AS score
      FROM "ClaimSearch" CROSS JOIN "Claim" c ON c."id" = "ClaimSearch"."rowid"
      WHERE ${where} ORDER BY "ClaimSearch"."rowid" DESC LIMIT ${rankWindow + 1}`,
    [],
  );
  const total = Math.min(rows.length, rankWindow);
  const ranked = rows
    .slice(0, rankWindow)
    .map((r) => ({ id: Number(r.id), score: Number(r.score) }))
    .sort((a, b) => a.score - b.score || b.id - a.id);
  return {
    total,
    totalIsEstimate: rows.length > rankWindow,
    listed: total,
    ids: ranked.slice(offset, offset + limit).map((r) => r.id),
  };
}

/** By date: every match joined to its Claim row and sorted. Cost grows with the number of matches. */
async function joinedPage(
  db: Db,
  match: string,
  conditions: Prisma.Sql[],
  sort: Exclude<Sort, "relevance">,
  offset: number,
  limit: number,
): Promise<number[]> {
  const where = Prisma.join([Prisma.sql`"ClaimSearch" MATCH ${match}`, ...conditions], " AND ");
  const rows = await guard(
    db.$queryRaw<
      IdRow[]
    >`SELECT "ClaimSearch"."rowid" AS id FROM "ClaimSearch" CROSS JOIN "Claim" c ON c."id" = "ClaimSearch"."rowid"
      WHERE ${where} ${claimOrder(sort)} LIMIT ${limit} OFFSET ${offset}`,
    [],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * By date, for a word in a large share of the claims: the published claims in date order from the Claim index, each
 * checked against the match (one FTS5 lookup by rowid), within the first WALK_BUDGET × the rows the page needs.
 * Null when those hold too few matches (a less common word): the caller joins instead.
 */
const WALK_BUDGET = 5;
async function walkedPage(
  db: Db,
  match: string,
  sort: Exclude<Sort, "relevance">,
  offset: number,
  limit: number,
): Promise<number[] | null> {
  const need = offset + limit;
  const rows = await guard(
    db.$queryRaw<IdRow[]>`SELECT c."id" AS id FROM (SELECT c."id", c."claimedAt", c."updatedAt" FROM "Claim" c
      WHERE c."publishedAt" IS NOT NULL ${claimOrder(sort)} LIMIT ${need * WALK_BUDGET}) c
      WHERE EXISTS (SELECT 1 FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} AND "ClaimSearch"."rowid" = c."id")
      ${claimOrder(sort)} LIMIT ${need}`,
    [],
  );
  if (rows.length < need) return null;
  return rows.slice(offset).map((r) => Number(r.id));
}

/**
 * FTS5 reads a prefix ("soldier*") by merging the doclists of every word it covers into one list before returning a
 * row, so "synthetic*" read all 95,000 matches even for LIMIT 20 (the 3-character prefixes have an index of their
 * own and are not affected). Each prefix of more than PREFIX_MIN characters is replaced by the indexed words it
 * stands for when there are at most MAX_PREFIX_FORMS of them ("soldier*" → "soldiers"): the same claims match,
 * read lazily. The words come from the index's vocabulary (migration 20261201120000_claim_search_terms). They are
 * looked up lower-cased; when that finds nothing (no such word, or a form the tokenizer folds differently, e.g.
 * with diacritics) the prefix stays as it was.
 */
export async function narrowPrefixes(db: Db, match: string): Promise<string> {
  const prefixes = [...new Set([...match.matchAll(/"([^" ]+)"\*/g)].map((m) => m[1]!))].filter(
    (word) => [...word].length > PREFIX_MIN,
  );
  let narrowed = match;
  for (const word of prefixes) {
    const lower = word.toLowerCase();
    const terms = await guard(
      db.$queryRaw<{ term: string }[]>`SELECT term FROM "ClaimSearchTerms"
        WHERE term >= ${lower} AND term < ${lower + "\u{10FFFF}"} ORDER BY term LIMIT ${MAX_PREFIX_FORMS + 1}`,
      [],
    );
    if (terms.length === 0 || terms.length > MAX_PREFIX_FORMS) continue;
    const quoted = terms.map(({ term }) => `"${term.replaceAll('"', '""')}"`);
    const words = quoted.length === 1 ? quoted[0]! : `(${quoted.join(" OR ")})`;
    narrowed = narrowed.replaceAll(`"${word}"*`, words);
  }
  return narrowed;
}

/** Every matching published claim id in order (for the CSV export: ids only, the rows are read in pages). */
export async function searchClaimIds(db: Db, rawMatch: string, filters: SearchFilters, sort: Sort): Promise<number[]> {
  const match = await narrowPrefixes(db, rawMatch);
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

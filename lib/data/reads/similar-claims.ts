import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { claimSummarySelect, type ClaimSummary } from "@/lib/data/reads/claims";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { cappedMatchCounts, similarClaimIds } from "@/lib/data/reads/search";
import {
  requiredShared,
  significantTerms,
  termCounter,
  toSimilarityQuery,
  type Term,
} from "@/lib/domain/similar-terms";

// Claims worded like a statement: "Similar claims" on a reader's claim page, and the editor's "Possible duplicate"
// warning while a statement is typed. Published claims come from the full-text index ranked by bm25; a candidate
// counts only if it shares enough of the statement's significant words (requiredShared), so one common place
// name is not a match. The shared-word count orders the result; bm25 (or recency, below) breaks ties.
//
// Cost: ranking reads every claim the expression matches, and OR over common words ("killed", "Pakistan") matches
// much of the index: about 90 ms at 100,000 claims, blocking the server. So, like a "more like this" search, the
// lookup uses only the statement's rarer words (held by at most COMMON_MATCHES claims each), which are the ones that
// tell one claim from another; every word still counts as shared. A statement of common words only looks at the
// newest claims holding all of them. Measured at 100,000 synthetic claims: 5–15 ms median instead of about 90.

export const SIMILAR_LIMIT = 5;
/** bm25 candidates checked for shared words: enough that a few weak matches at the top cannot crowd out real ones. */
const CANDIDATES = 30;
/** A word held by more published claims than this is common: it counts as shared but finds no candidates. */
export const COMMON_MATCHES = 1000;
/**
 * Drafts are not in the index (published claims only), so they are matched here, in JS, on the same terms. Drafts
 * are a newsroom's working set — tens, not thousands — so reading the most recently edited ones is cheap; this cap
 * only bounds the cost if drafts ever pile up (older ones beyond it are not checked).
 */
export const DRAFT_SCAN_LIMIT = 200;

type Options = { excludeId?: number; limit?: number };
type Text = { id: number; statement: string; originalText: string | null };
type Ranked<T extends Text> = { claim: T; shared: number };

/** The claims that share enough terms, most shared first; the sort is stable, so ties keep their order. */
function bySharedTerms<T extends Text>(terms: Term[], claims: T[]): Ranked<T>[] {
  const needed = requiredShared(terms.length);
  const count = termCounter(terms);
  return claims
    .map((claim) => ({ claim, shared: count(`${claim.statement} ${claim.originalText ?? ""}`) }))
    .filter((c) => c.shared >= needed)
    .sort((a, b) => b.shared - a.shared);
}

/** What a reader's list item shows, and what ranking needs (the statement and original wording are in both). */
const candidateSelect = { id: true, ...claimSummarySelect } satisfies Prisma.ClaimSelect;
type Candidate = Prisma.ClaimGetPayload<{ select: typeof candidateSelect }>;

/** Rows by id in the order of `ids`; one that went away in between is left out. */
function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Published claims to check for shared words, best first (see above). */
async function candidateIds(db: Db, terms: Term[], excludeId: number | undefined): Promise<number[]> {
  const counts = await cappedMatchCounts(
    db,
    terms.map((t) => toSimilarityQuery([t]) ?? ""),
    COMMON_MATCHES + 1,
  );
  const count = (i: number) => counts[i] ?? 0;
  const rare = terms.filter((_, i) => count(i) > 0 && count(i) <= COMMON_MATCHES);
  const rareMatch = toSimilarityQuery(rare, "any");
  if (rareMatch) return similarClaimIds(db, rareMatch, { excludeId, limit: CANDIDATES, order: "rank" });
  const allMatch = toSimilarityQuery(
    terms.filter((_, i) => count(i) > 0),
    "all",
  );
  return allMatch ? similarClaimIds(db, allMatch, { excludeId, limit: CANDIDATES, order: "newest" }) : [];
}

async function rankPublished(db: Db, terms: Term[], excludeId: number | undefined): Promise<Ranked<Candidate>[]> {
  if (terms.length === 0) return [];
  const ids = await candidateIds(db, terms, excludeId);
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({ where: { id: { in: ids }, ...PUBLISHED }, select: candidateSelect });
  return bySharedTerms(terms, inOrder(ids, rows));
}

/** Published claims worded like `statement`, for readers. Never throws on odd text: no terms, no claims. */
export async function listSimilarClaims(
  db: Db,
  statement: string,
  { excludeId, limit = SIMILAR_LIMIT }: Options = {},
): Promise<ClaimSummary[]> {
  const ranked = await rankPublished(db, significantTerms(statement), excludeId);
  return ranked.slice(0, limit).map(({ claim: { id: _id, ...claim } }) => claim);
}

/**
 * The published claims worded like the published claim `slug` (its claim page); [] for an unknown slug. Claims
 * already linked to it, either way, are left out: the page lists them under its links, with how they relate.
 */
export async function listSimilarToClaim(db: Db, slug: string, limit = SIMILAR_LIMIT): Promise<ClaimSummary[]> {
  const claim = await db.claim.findFirst({
    where: { slug, ...PUBLISHED },
    select: { id: true, statement: true, linksFrom: { select: { toId: true } }, linksTo: { select: { fromId: true } } },
  });
  if (!claim) return [];
  const linked = new Set([...claim.linksFrom.map((l) => l.toId), ...claim.linksTo.map((l) => l.fromId)]);
  const ranked = await rankPublished(db, significantTerms(claim.statement), claim.id);
  return ranked
    .filter((r) => !linked.has(r.claim.id))
    .slice(0, limit)
    .map(({ claim: { id: _id, ...rest } }) => rest);
}

const duplicateSelect = {
  id: true,
  slug: true,
  statement: true,
  status: true,
  kind: true,
  claimedAt: true,
  claimedAtPrecision: true,
  publishedAt: true,
  claimant: { select: { name: true } },
} satisfies Prisma.ClaimSelect;

/**
 * Claims an editor may be about to record again, drafts included, most shared words first (published first among
 * equals: that is the one readers already see). Never throws on odd text.
 */
export async function listPossibleDuplicates(
  db: Db,
  statement: string,
  { excludeId, limit = SIMILAR_LIMIT }: Options = {},
) {
  const terms = significantTerms(statement);
  if (terms.length === 0) return [];
  const [published, drafts] = await Promise.all([
    rankPublished(db, terms, excludeId),
    db.claim.findMany({
      where: { publishedAt: null, ...(excludeId === undefined ? {} : { NOT: { id: excludeId } }) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: DRAFT_SCAN_LIMIT,
      select: { id: true, statement: true, originalText: true },
    }),
  ]);
  const ranked = [...published, ...bySharedTerms(terms, drafts)].sort((a, b) => b.shared - a.shared);
  // A Set: a claim published between the two reads would otherwise come twice.
  const ids = [...new Set(ranked.map((r) => r.claim.id))].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({ where: { id: { in: ids } }, select: duplicateSelect });
  return inOrder(ids, rows).map((claim) => ({
    id: claim.id,
    slug: claim.slug,
    statement: claim.statement,
    claimant: claim.claimant.name,
    status: claim.status,
    kind: claim.kind,
    claimedAt: claim.claimedAt,
    claimedAtPrecision: claim.claimedAtPrecision,
    published: claim.publishedAt !== null,
  }));
}
export type PossibleDuplicate = Awaited<ReturnType<typeof listPossibleDuplicates>>[number];

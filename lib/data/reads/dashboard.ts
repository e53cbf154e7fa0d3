import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { claimSummarySelect } from "@/lib/data/reads/claims";
import { CONTESTING_LINKS, STATUSES, type ClaimStatus } from "@/lib/domain/vocabulary";

export async function getStatusCounts(db: Db) {
  const [byStatus, positions] = await Promise.all([
    db.claim.groupBy({ by: ["status"], where: { ...PUBLISHED, kind: "FACT" }, _count: { _all: true } }),
    db.claim.count({ where: { ...PUBLISHED, kind: "POSITION" } }),
  ]);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of byStatus) counts[row.status] = row._count._all;
  return { counts, positions };
}

export async function getCategoryCounts(db: Db) {
  const rows = await db.claim.groupBy({ by: ["category"], where: PUBLISHED, _count: { _all: true } });
  return rows.map((r) => ({ category: r.category, count: r._count._all })).sort((a, b) => b.count - a.count);
}

export function listRecentlyChanged(db: Db, take = 8) {
  return db.claim.findMany({
    where: PUBLISHED,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: claimSummarySelect,
  });
}

/**
 * Claims with the most denials and contradictions, counting only links whose both ends readers can see. Quoted
 * aliases: PostgreSQL folds unquoted ones to lower case (the row would have "claimid"); the SQL runs on both engines.
 */
export async function listMostContested(db: Db, take = 6) {
  const types = Prisma.join(CONTESTING_LINKS);
  const rows = await db.$queryRaw<{ claimId: number | bigint; n: number | bigint }[]>`
    SELECT e."claimId" AS "claimId", COUNT(*) AS n FROM (
      SELECT l."fromId" AS "claimId", l."toId" AS "otherId" FROM "ClaimLink" l WHERE l."type" IN (${types})
      UNION ALL
      SELECT l."toId" AS "claimId", l."fromId" AS "otherId" FROM "ClaimLink" l WHERE l."type" IN (${types})
    ) e
    JOIN "Claim" c ON c."id" = e."claimId" AND c."publishedAt" IS NOT NULL
    JOIN "Claim" o ON o."id" = e."otherId" AND o."publishedAt" IS NOT NULL
    GROUP BY e."claimId" ORDER BY n DESC, e."claimId" ASC LIMIT ${take}`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.claimId));
  const claims = await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, ...claimSummarySelect } });
  const byId = new Map(claims.map((c) => [c.id, c]));
  return rows.flatMap((r) => {
    const claim = byId.get(Number(r.claimId));
    if (!claim) return [];
    const { id: _id, ...summary } = claim;
    return [{ claim: summary, contestedBy: Number(r.n) }];
  });
}

/**
 * Parity: how the claims of each side in the story (the claimant's `side`, not its country: the TTP is not the
 * government of Pakistan) are rated, so readers can check that every side is held to the same standard. `side: null`
 * groups the actors that are on none (independent). Positions are not rated and are counted apart.
 */
export async function getParity(db: Db) {
  const [rows, actors] = await Promise.all([
    db.claim.groupBy({ by: ["claimantId", "status", "kind"], where: PUBLISHED, _count: { _all: true } }),
    db.actor.findMany({ where: { claims: { some: PUBLISHED } }, select: { id: true, side: true } }),
  ]);
  const sideOf = new Map(actors.map((a) => [a.id, a.side]));
  const sides = new Map<
    string | null,
    { side: string | null; total: number; positions: number; byStatus: Record<ClaimStatus, number> }
  >();
  for (const row of rows) {
    const key = sideOf.get(row.claimantId) ?? null;
    let side = sides.get(key);
    if (!side) {
      side = {
        side: key,
        total: 0,
        positions: 0,
        byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>,
      };
      sides.set(key, side);
    }
    side.total += row._count._all;
    if (row.kind === "POSITION") side.positions += row._count._all;
    else side.byStatus[row.status] += row._count._all;
  }
  // The independent row last, the others by size and then by name so the order does not flicker.
  return [...sides.values()].sort(
    (a, b) =>
      Number(a.side === null) - Number(b.side === null) ||
      b.total - a.total ||
      (a.side ?? "").localeCompare(b.side ?? ""),
  );
}

import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";

// Withdrawn claims: published once, then taken down by an approved retraction (publishedAt null, withdrawnAt set,
// docs/decisions/0022-withdrawn-claims-answer-410.md). Readers still see what was withdrawn and why: the 410 page
// at the claim's URL, /corrections, the feed and the API. A draft that was never published has no withdrawnAt and
// stays invisible.

/** Every read of a withdrawn claim starts from this. */
export const WITHDRAWN = { withdrawnAt: { not: null }, publishedAt: null } satisfies Prisma.ClaimWhereInput;

const withdrawnSelect = {
  id: true,
  slug: true,
  statement: true,
  kind: true,
  status: true,
  statusRationale: true,
  withdrawnAt: true,
  withdrawalReason: true,
  claimant: { select: { name: true } },
} satisfies Prisma.ClaimSelect;

type WithdrawnRow = Prisma.ClaimGetPayload<{ select: typeof withdrawnSelect }>;

export type WithdrawnClaim = {
  id: number;
  slug: string;
  statement: string;
  kind: WithdrawnRow["kind"];
  /** the last verdict readers saw, and its rationale */
  status: WithdrawnRow["status"];
  rationale: string | null;
  claimant: string;
  withdrawnAt: Date;
  reason: string;
};

type Verdict = Pick<WithdrawnClaim, "status" | "rationale">;

function toWithdrawn(row: WithdrawnRow, verdict: Verdict | undefined): WithdrawnClaim {
  return {
    id: row.id,
    slug: row.slug,
    statement: row.statement,
    kind: row.kind,
    status: verdict?.status ?? row.status,
    rationale: verdict ? verdict.rationale : row.statusRationale,
    claimant: row.claimant.name,
    // WITHDRAWN guarantees the date; the reason is written with it (an empty one reads as "no reason recorded").
    withdrawnAt: row.withdrawnAt ?? new Date(0),
    reason: row.withdrawalReason ?? "",
  };
}

/**
 * The verdict readers last saw: the last status change made up to the withdrawal. A withdrawal leaves the status as
 * it was, but a change an editor makes to the claim afterwards, before publishing it again, was never public and
 * must not show here. A claim whose history has no change (an imported one) shows its own status.
 */
async function withVerdicts(db: Db, rows: WithdrawnRow[]): Promise<WithdrawnClaim[]> {
  if (rows.length === 0) return [];
  const changes = await db.statusChange.findMany({
    where: { claimId: { in: rows.map((r) => r.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { claimId: true, to: true, rationale: true, createdAt: true },
  });
  return rows.map((row) => {
    const until = row.withdrawnAt?.getTime() ?? 0;
    const last = changes.find((c) => c.claimId === row.id && c.createdAt.getTime() <= until);
    return toWithdrawn(row, last ? { status: last.to, rationale: last.rationale } : undefined);
  });
}

export async function getWithdrawnClaim(db: Db, slug: string): Promise<WithdrawnClaim | null> {
  const row = await db.claim.findFirst({ where: { slug, ...WITHDRAWN }, select: withdrawnSelect });
  return row ? ((await withVerdicts(db, [row]))[0] ?? null) : null;
}

/** Withdrawn claims by id, in the order given (ids that are not withdrawn are left out). */
export async function getWithdrawnClaims(db: Db, ids: number[]): Promise<WithdrawnClaim[]> {
  const rows = await db.claim.findMany({ where: { id: { in: ids }, ...WITHDRAWN }, select: withdrawnSelect });
  const byId = new Map((await withVerdicts(db, rows)).map((w) => [w.id, w]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Newest withdrawal first, for the API and the feed. */
export async function listWithdrawals(db: Db, page: number, pageSize: number) {
  const [total, rows] = await Promise.all([
    db.claim.count({ where: WITHDRAWN }),
    db.claim.findMany({
      where: WITHDRAWN,
      orderBy: [{ withdrawnAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: withdrawnSelect,
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    withdrawals: await withVerdicts(db, rows),
  };
}

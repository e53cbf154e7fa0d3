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

function toWithdrawn(row: WithdrawnRow): WithdrawnClaim {
  return {
    id: row.id,
    slug: row.slug,
    statement: row.statement,
    kind: row.kind,
    status: row.status,
    rationale: row.statusRationale,
    claimant: row.claimant.name,
    // WITHDRAWN guarantees the date; the reason is written with it (an empty one reads as "no reason recorded").
    withdrawnAt: row.withdrawnAt ?? new Date(0),
    reason: row.withdrawalReason ?? "",
  };
}

export async function getWithdrawnClaim(db: Db, slug: string): Promise<WithdrawnClaim | null> {
  const row = await db.claim.findFirst({ where: { slug, ...WITHDRAWN }, select: withdrawnSelect });
  return row ? toWithdrawn(row) : null;
}

/** Withdrawn claims by id, in the order given (ids that are not withdrawn are left out). */
export async function getWithdrawnClaims(db: Db, ids: number[]): Promise<WithdrawnClaim[]> {
  const rows = await db.claim.findMany({ where: { id: { in: ids }, ...WITHDRAWN }, select: withdrawnSelect });
  const byId = new Map(rows.map((r) => [r.id, toWithdrawn(r)]));
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
    withdrawals: rows.map(toWithdrawn),
  };
}

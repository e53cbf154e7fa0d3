import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { getWithdrawnClaims, type WithdrawnClaim } from "@/lib/data/reads/withdrawn";

// 25 a page: every page is served from the page cache, and its bytes are what that costs (docs/performance.md).
export const CORRECTIONS_PAGE_SIZE = 25;

// /corrections lists two kinds of entry, newest first on one timeline: a change away from a final verdict readers
// could see (StatusChange.isCorrection), and a withdrawal (lib/data/reads/withdrawn.ts). A withdrawn claim keeps the
// corrections made while it was public: they were published, and withdrawing the claim does not unsay them; a
// change made after the withdrawal was never public and is left out (docs/decisions/0022-withdrawn-claims-answer-410.md).
// The SQL runs unchanged on SQLite and PostgreSQL (TRUE, named subqueries): docs/decisions/0031-postgresql-by-url.md.

const CORRECTION_ROWS = Prisma.sql`
  SELECT 'correction' AS kind, sc."id" AS id, sc."createdAt" AS at
  FROM "StatusChange" sc JOIN "Claim" c ON c."id" = sc."claimId"
  WHERE sc."isCorrection" = TRUE
    AND (c."publishedAt" IS NOT NULL OR (c."withdrawnAt" IS NOT NULL AND sc."createdAt" <= c."withdrawnAt"))`;
const WITHDRAWAL_ROWS = Prisma.sql`
  SELECT 'withdrawal' AS kind, c."id" AS id, c."withdrawnAt" AS at
  FROM "Claim" c WHERE c."withdrawnAt" IS NOT NULL AND c."publishedAt" IS NULL`;

type EntryRow = { kind: "correction" | "withdrawal"; id: number | bigint };

const correctionSelect = {
  id: true,
  from: true,
  to: true,
  rationale: true,
  createdAt: true,
  editor: { select: { name: true } },
  claim: { select: { slug: true, statement: true, claimant: { select: { name: true } } } },
} satisfies Prisma.StatusChangeSelect;

export type CorrectionEntry =
  | ({ entry: "correction" } & Prisma.StatusChangeGetPayload<{ select: typeof correctionSelect }>)
  | ({ entry: "withdrawal" } & WithdrawnClaim);

/** One page of corrections and withdrawals, newest first; `withdrawals` counts the withdrawals among `total`. */
export async function listCorrections(db: Db, page = 1) {
  const [counts, rows] = await Promise.all([
    db.$queryRaw<{ corrections: number | bigint; withdrawals: number | bigint }[]>`
      SELECT (SELECT COUNT(*) FROM (${CORRECTION_ROWS}) AS cr) AS corrections,
             (SELECT COUNT(*) FROM (${WITHDRAWAL_ROWS}) AS wr) AS withdrawals`,
    db.$queryRaw<EntryRow[]>`
      SELECT kind, id FROM (${CORRECTION_ROWS} UNION ALL ${WITHDRAWAL_ROWS}) AS entries
      ORDER BY at DESC, kind ASC, id DESC
      LIMIT ${CORRECTIONS_PAGE_SIZE} OFFSET ${(page - 1) * CORRECTIONS_PAGE_SIZE}`,
  ]);
  const idsOf = (kind: EntryRow["kind"]) => rows.filter((r) => r.kind === kind).map((r) => Number(r.id));
  const [changes, withdrawn] = await Promise.all([
    db.statusChange.findMany({ where: { id: { in: idsOf("correction") } }, select: correctionSelect }),
    getWithdrawnClaims(db, idsOf("withdrawal")),
  ]);
  const change = new Map(changes.map((c) => [c.id, c]));
  const withdrawal = new Map(withdrawn.map((w) => [w.id, w]));
  const corrections = rows.flatMap((r): CorrectionEntry[] => {
    const id = Number(r.id);
    const c = r.kind === "correction" ? change.get(id) : undefined;
    const w = r.kind === "withdrawal" ? withdrawal.get(id) : undefined;
    if (c) return [{ entry: "correction", ...c }];
    return w ? [{ entry: "withdrawal", ...w }] : [];
  });
  const withdrawals = Number(counts[0]?.withdrawals ?? 0);
  return { total: Number(counts[0]?.corrections ?? 0) + withdrawals, withdrawals, corrections };
}

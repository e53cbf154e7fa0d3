import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { readDeskSettings } from "@/lib/data/reads/desk-settings";
import { listOpenCorrectionRequests } from "@/lib/data/reads/correction-requests";

// "My work", an editor's queue (docs/editing.md, My work; docs/decisions/0023-assignment-and-work-queue.md): five
// sections, each a list of claims to open on their editor page. Each section counts every item it holds but lists
// at most `limit` (the editor navigation asks only for the counts: limit 0). What puts a claim in a section:
//   assigned   — Claim.assigneeId is me
//   review     — a PENDING Proposal by anyone but me (a proposal whose proposer's account is gone counts too)
//   sentBack   — my newest proposal on a claim was SENT_BACK, and no proposal on it is newer (a resubmission, or
//                someone else's proposal, takes the claim out)
//   mentions   — a note mentions me (NoteMention) and I have written no note on that claim after it
//   staleReview — status IN_REVIEW since more than DeskSettings.staleReviewDays days; "since" is the last
//                StatusChange to IN_REVIEW (the claim's creation when it never had one)
//   corrections — a reader's CorrectionRequest still OPEN, on any claim: every editor's, newest first

const DAY_MS = 24 * 60 * 60 * 1000;
export const QUEUE_LIST_LIMIT = 50;

const claimSummary = { id: true, statement: true, status: true, kind: true, publishedAt: true } as const;

export type QueueSection<T> = { total: number; items: T[] };

const section = <T>(items: T[], limit: number): QueueSection<T> => ({
  total: items.length,
  items: items.slice(0, limit),
});

function assigned(db: Db, userId: number, limit: number) {
  const where = { assigneeId: userId } satisfies Prisma.ClaimWhereInput;
  return Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { ...claimSummary, updatedAt: true },
    }),
  ]).then(([total, items]) => ({ total, items }));
}

function toReview(db: Db, userId: number, limit: number) {
  const where = {
    state: "PENDING",
    OR: [{ proposerId: { not: userId } }, { proposerId: null }],
  } satisfies Prisma.ProposalWhereInput;
  return Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        status: true,
        createdAt: true,
        proposer: { select: { name: true } },
        claim: { select: claimSummary },
      },
    }),
  ]).then(([total, items]) => ({ total, items }));
}

async function sentBack(db: Db, userId: number, limit: number) {
  const mine = await db.proposal.findMany({
    where: { proposerId: userId, state: "SENT_BACK" },
    orderBy: { id: "desc" },
    select: {
      id: true,
      claimId: true,
      kind: true,
      status: true,
      reviewComment: true,
      decidedAt: true,
      reviewer: { select: { name: true } },
      claim: { select: claimSummary },
    },
  });
  if (mine.length === 0) return section(mine, limit);
  const newest = await db.proposal.groupBy({
    by: ["claimId"],
    where: { claimId: { in: [...new Set(mine.map((p) => p.claimId))] } },
    _max: { id: true },
  });
  const newestOf = new Map(newest.map((g) => [g.claimId, g._max.id]));
  return section(
    mine.filter((p) => newestOf.get(p.claimId) === p.id),
    limit,
  );
}

async function mentions(db: Db, userId: number, limit: number) {
  const rows = await db.noteMention.findMany({
    where: { userId },
    orderBy: { noteId: "desc" },
    select: {
      note: {
        select: {
          id: true,
          claimId: true,
          createdAt: true,
          author: { select: { name: true } },
          claim: { select: claimSummary },
        },
      },
    },
  });
  if (rows.length === 0) return section([], limit);
  const claimIds = [...new Set(rows.map((r) => r.note.claimId))];
  const answered = await db.claimNote.groupBy({
    by: ["claimId"],
    where: { authorId: userId, claimId: { in: claimIds } },
    _max: { id: true },
  });
  const myLastNote = new Map(answered.map((g) => [g.claimId, g._max.id ?? 0]));
  const seen = new Set<number>();
  const open = rows
    .map((r) => r.note)
    // Newest mention first: one item per claim, the latest mention, kept while I have not written after it.
    .filter((n) => {
      if (seen.has(n.claimId)) return false;
      seen.add(n.claimId);
      return (myLastNote.get(n.claimId) ?? 0) < n.id;
    });
  return section(open, limit);
}

async function staleReview(db: Db, staleDays: number, now: Date, limit: number) {
  const cutoff = new Date(now.getTime() - staleDays * DAY_MS);
  const toInReview = { to: "IN_REVIEW" } as const;
  const where = {
    status: "IN_REVIEW",
    OR: [
      {
        statusChanges: {
          some: { ...toInReview, createdAt: { lt: cutoff } },
          none: { ...toInReview, createdAt: { gte: cutoff } },
        },
      },
      { statusChanges: { none: toInReview }, createdAt: { lt: cutoff } },
    ],
  } satisfies Prisma.ClaimWhereInput;
  const [total, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      take: limit,
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: {
        ...claimSummary,
        createdAt: true,
        statusChanges: {
          where: toInReview,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { createdAt: true },
        },
      },
    }),
  ]);
  const items = claims
    .map(({ statusChanges, createdAt, ...claim }) => ({ ...claim, since: statusChanges[0]?.createdAt ?? createdAt }))
    .sort((a, b) => a.since.getTime() - b.since.getTime());
  return { total, items };
}

export async function readWorkQueue(db: Db, userId: number, options: { limit?: number; now?: Date } = {}) {
  const limit = options.limit ?? QUEUE_LIST_LIMIT;
  const { staleReviewDays } = await readDeskSettings(db);
  const [assignedToMe, review, back, mentioned, stale, corrections] = await Promise.all([
    assigned(db, userId, limit),
    toReview(db, userId, limit),
    sentBack(db, userId, limit),
    mentions(db, userId, limit),
    staleReview(db, staleReviewDays, options.now ?? new Date(), limit),
    listOpenCorrectionRequests(db, limit),
  ]);
  return {
    staleReviewDays,
    assigned: assignedToMe,
    review,
    sentBack: back,
    mentions: mentioned,
    staleReview: stale,
    corrections,
    total: assignedToMe.total + review.total + back.total + mentioned.total + stale.total + corrections.total,
  };
}
export type WorkQueue = Awaited<ReturnType<typeof readWorkQueue>>;

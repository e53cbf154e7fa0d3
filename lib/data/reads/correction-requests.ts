import type { Db } from "@/lib/db/create-client";

// Readers' correction requests, for editors only (never read by a reader page, the API, the feed or an export).

const claimSummary = { id: true, statement: true, status: true, kind: true, slug: true } as const;

/** Open requests, newest first: a section of every editor's "My work" (lib/data/reads/work-queue.ts). */
export async function listOpenCorrectionRequests(db: Db, limit: number) {
  const where = { state: "OPEN" } as const;
  const [total, items] = await Promise.all([
    db.correctionRequest.count({ where }),
    db.correctionRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, name: true, message: true, createdAt: true, claim: { select: claimSummary } },
    }),
  ]);
  return { total, items };
}

/** One request with what an editor needs to answer it: the claim's status changes marked as corrections. */
export async function getCorrectionRequest(db: Db, id: number) {
  return db.correctionRequest.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      message: true,
      state: true,
      answer: true,
      correctionUrl: true,
      correction: { select: { id: true, from: true, to: true, createdAt: true } },
      handledAt: true,
      handledBy: { select: { name: true } },
      createdAt: true,
      claim: {
        select: {
          ...claimSummary,
          statusChanges: {
            where: { isCorrection: true },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { id: true, from: true, to: true, rationale: true, createdAt: true },
          },
        },
      },
    },
  });
}

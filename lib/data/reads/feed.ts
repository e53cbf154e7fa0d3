import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";

export const FEED_LIMIT = 50;

/** The newest status changes of published claims, for /feed.xml. */
export function listFeedChanges(db: Db, take = FEED_LIMIT) {
  return db.statusChange.findMany({
    where: { claim: PUBLISHED },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      from: true,
      to: true,
      rationale: true,
      isCorrection: true,
      createdAt: true,
      claim: { select: { slug: true, statement: true, kind: true } },
    },
  });
}
export type FeedChange = Awaited<ReturnType<typeof listFeedChanges>>[number];

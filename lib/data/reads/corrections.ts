import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";

// 25 a page: every page is served from the page cache, and its bytes are what that costs (docs/performance.md).
export const CORRECTIONS_PAGE_SIZE = 25;

/** Changes away from a final verdict that readers could see, newest first. */
export async function listCorrections(db: Db, page = 1) {
  const where = { isCorrection: true, claim: PUBLISHED };
  const [total, corrections] = await Promise.all([
    db.statusChange.count({ where }),
    db.statusChange.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CORRECTIONS_PAGE_SIZE,
      take: CORRECTIONS_PAGE_SIZE,
      select: {
        id: true,
        from: true,
        to: true,
        rationale: true,
        createdAt: true,
        editor: { select: { name: true } },
        claim: { select: { slug: true, statement: true, claimant: { select: { name: true } } } },
      },
    }),
  ]);
  return { total, corrections };
}

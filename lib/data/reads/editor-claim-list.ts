import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { PUBLISHED, claimFilterConditions, claimOrderBy } from "@/lib/data/reads/claim-query";
import { PAGE_SIZE } from "@/lib/validation/claim-filters";
import type { EditorFilters } from "@/lib/validation/editor-filters";

// The editor list: every claim, drafts included, with the reader list's filters, a published/draft filter and an
// assignee filter (to the viewer, or to nobody).

const DRAFT = { publishedAt: null } satisfies Prisma.ClaimWhereInput;

export function editorClaimWhere(
  filters: Omit<EditorFilters, "sort" | "page">,
  viewerId: number,
): Prisma.ClaimWhereInput {
  const and = claimFilterConditions(filters);
  // Editors search drafts too, which the full-text index (published claims only) does not hold: a plain match.
  if (filters.q) {
    and.push({
      OR: [
        { slug: { contains: filters.q } },
        { statement: { contains: filters.q } },
        { originalText: { contains: filters.q } },
        { statusRationale: { contains: filters.q } },
      ],
    });
  }
  if (filters.visibility === "published") and.push(PUBLISHED);
  if (filters.visibility === "draft") and.push(DRAFT);
  if (filters.assigned === "me") and.push({ assigneeId: viewerId });
  if (filters.assigned === "nobody") and.push({ assigneeId: null });
  return { AND: and };
}

export async function listEditorClaims(db: Db, filters: EditorFilters, viewerId: number) {
  const where = editorClaimWhere(filters, viewerId);
  const [total, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: claimOrderBy({ sort: filters.sort }),
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        statement: true,
        kind: true,
        status: true,
        category: true,
        claimedAt: true,
        claimedAtPrecision: true,
        publishedAt: true,
        updatedAt: true,
        claimant: { select: { name: true } },
        updatedBy: { select: { name: true } },
        assignee: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageSize: PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    claims,
  };
}
export type EditorClaimRow = Awaited<ReturnType<typeof listEditorClaims>>["claims"][number];

/** Actors with at least one claim, for the claimant filter (drafts count: editors see them). */
export function listClaimantOptions(db: Db) {
  return db.actor.findMany({
    where: { claims: { some: {} } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { slug: true, name: true },
  });
}

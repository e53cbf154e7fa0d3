import type { Prisma } from "@/generated/prisma/client";
import { effectiveSort, type ClaimFilters, type Sort } from "@/lib/validation/claim-filters";

// Turning reader filters into Prisma arguments. Shared by the list, the JSON API and the CSV export. The search
// words (`q`) are not here: full-text search runs in SQL (lib/sqlite/search.ts), which applies these same
// filters itself.

/** Readers never see drafts: every reader query starts from this. */
export const PUBLISHED = { publishedAt: { not: null } } satisfies Prisma.ClaimWhereInput;

const DAY_MS = 86_400_000;

/** The claimedAt bounds of a from/to filter: from the start of `from` to the end of `to` (UTC days). */
export function claimedAtRange(filters: Pick<ClaimFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}

/** Readers' filters, published claims only. The words of `q` are matched by full-text search, not here. */
export function claimWhere(filters: Omit<ClaimFilters, "sort" | "page" | "q">): Prisma.ClaimWhereInput {
  return { AND: [PUBLISHED, ...claimFilterConditions(filters)] };
}

/** The list filters alone, without "published only" and without `q`: the editor list adds its own. */
export function claimFilterConditions(filters: Omit<ClaimFilters, "sort" | "page" | "q">): Prisma.ClaimWhereInput[] {
  const and: Prisma.ClaimWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.category) and.push({ category: filters.category });
  if (filters.actor) and.push({ claimant: { slug: filters.actor } });
  if (filters.about) and.push({ about: { some: { actor: { slug: filters.about } } } });
  if (filters.from || filters.to) and.push({ claimedAt: claimedAtRange(filters) });
  return and;
}

export function claimOrderBy(filters: { q?: string; sort: Sort }): Prisma.ClaimOrderByWithRelationInput[] {
  // id breaks ties so that pages never repeat or skip a claim.
  switch (effectiveSort(filters)) {
    case "oldest":
      return [{ claimedAt: "asc" }, { id: "asc" }];
    case "updated":
      return [{ updatedAt: "desc" }, { id: "desc" }];
    case "relevance": // ranked in SQL by lib/sqlite/search.ts; a list without search words is newest first
    case "newest":
      return [{ claimedAt: "desc" }, { id: "desc" }];
  }
}

import type { Prisma } from "@/generated/prisma/client";
import type { ClaimFilters, Sort } from "@/lib/validation/claim-filters";

// Turning reader filters into Prisma arguments. Shared by the list, the JSON API and the CSV export.

/** Readers never see drafts: every reader query starts from this. */
export const PUBLISHED = { publishedAt: { not: null } } satisfies Prisma.ClaimWhereInput;

const DAY_MS = 86_400_000;

export function claimWhere(filters: Omit<ClaimFilters, "sort" | "page">): Prisma.ClaimWhereInput {
  return { AND: [PUBLISHED, ...claimFilterConditions(filters)] };
}

/** The list filters alone, without the readers' "published only": the editor list adds its own draft filter. */
export function claimFilterConditions(filters: Omit<ClaimFilters, "sort" | "page">): Prisma.ClaimWhereInput[] {
  const and: Prisma.ClaimWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.category) and.push({ category: filters.category });
  if (filters.actor) and.push({ claimant: { slug: filters.actor } });
  if (filters.from) and.push({ claimedAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ claimedAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } });
  if (filters.q) {
    and.push({
      OR: [
        { statement: { contains: filters.q } },
        { originalText: { contains: filters.q } },
        { statusRationale: { contains: filters.q } },
      ],
    });
  }
  return and;
}

export function claimOrderBy(sort: Sort): Prisma.ClaimOrderByWithRelationInput[] {
  // id breaks ties so that pages never repeat or skip a claim.
  switch (sort) {
    case "oldest":
      return [{ claimedAt: "asc" }, { id: "asc" }];
    case "updated":
      return [{ updatedAt: "desc" }, { id: "desc" }];
    case "newest":
      return [{ claimedAt: "desc" }, { id: "desc" }];
  }
}

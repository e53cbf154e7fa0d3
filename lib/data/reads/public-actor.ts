import type { Prisma } from "@/generated/prisma/client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";

/**
 * The actors readers may see: one an editor published, or one a published claim names, as claimant, as an actor it
 * is about (docs/decisions/0029-claims-about-actors.md) or as the reporter of one of its casualty figures (the claim
 * page shows that name). An actor typed into a draft claim stays
 * unseen until then. Every reader read of actors starts from this (the list, actor pages, the claimant filter, the
 * API and the proxy's 404).
 */
export const PUBLIC_ACTOR = {
  OR: [
    { published: true },
    { claims: { some: PUBLISHED } },
    { aboutClaims: { some: { claim: PUBLISHED } } },
    { figures: { some: { claim: PUBLISHED } } },
  ],
} satisfies Prisma.ActorWhereInput;

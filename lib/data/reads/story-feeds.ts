import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { FEED_LIMIT } from "@/lib/data/reads/feed";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";
import { PUBLIC_INCIDENT } from "@/lib/data/reads/incidents";
import { WITHDRAWN } from "@/lib/data/reads/withdrawn";

// The data of the "follow a story" feeds: one claim's status changes, corrections and withdrawal, and an actor's
// claims as they are published, change status or are withdrawn (lib/feed/story-feeds.ts writes them as Atom).

const changeSelect = {
  id: true,
  from: true,
  to: true,
  rationale: true,
  isCorrection: true,
  createdAt: true,
  claim: { select: { slug: true, statement: true } },
} satisfies Prisma.StatusChangeSelect;

export type StoryChange = Prisma.StatusChangeGetPayload<{ select: typeof changeSelect }>;

const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * A published or withdrawn claim with its newest status changes; null for a draft or an unknown slug. A withdrawn
 * claim keeps its feed so that its followers learn of the withdrawal (docs/api.md, Feeds); a change made after the
 * withdrawal was never public and is left out, as on its 410 page (lib/data/reads/withdrawn.ts).
 */
export async function getClaimStory(db: Db, slug: string) {
  const claim = await db.claim.findFirst({
    where: { slug, OR: [PUBLISHED, WITHDRAWN] },
    select: { id: true, slug: true, statement: true, publishedAt: true, withdrawnAt: true, withdrawalReason: true },
  });
  if (!claim) return null;
  const withdrawnAt = claim.publishedAt ? null : claim.withdrawnAt;
  const changes = await db.statusChange.findMany({
    where: { claimId: claim.id, ...(withdrawnAt ? { createdAt: { lte: withdrawnAt } } : {}) },
    orderBy: newest,
    take: FEED_LIMIT,
    select: changeSelect,
  });
  return {
    claim: { id: claim.id, slug: claim.slug, statement: claim.statement },
    changes,
    withdrawal: withdrawnAt ? { at: withdrawnAt, reason: claim.withdrawalReason ?? "" } : null,
  };
}
export type ClaimStory = NonNullable<Awaited<ReturnType<typeof getClaimStory>>>;

/** The claim fields a story's entries show; the claimant's name is for stories of several claimants (incidents). */
const storyClaimSelect = {
  id: true,
  slug: true,
  statement: true,
  claimant: { select: { name: true } },
} satisfies Prisma.ClaimSelect;

/** The story of the claims `where` picks: newly published, status changes and withdrawals, newest first each. */
async function storyOfClaims(db: Db, where: Prisma.ClaimWhereInput) {
  const [published, changes, withdrawn] = await Promise.all([
    db.claim.findMany({
      where: { ...where, ...PUBLISHED },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_LIMIT,
      select: { ...storyClaimSelect, publishedAt: true },
    }),
    db.statusChange.findMany({
      where: { claim: { ...where, ...PUBLISHED } },
      orderBy: newest,
      take: FEED_LIMIT,
      select: changeSelect,
    }),
    db.claim.findMany({
      where: { ...where, ...WITHDRAWN },
      orderBy: [{ withdrawnAt: "desc" }, { id: "desc" }],
      take: FEED_LIMIT,
      select: { ...storyClaimSelect, withdrawnAt: true, withdrawalReason: true },
    }),
  ]);
  return {
    published: published.map((c) => ({ ...c, publishedAt: c.publishedAt ?? new Date(0) })),
    changes,
    withdrawn: withdrawn.map((c) => ({
      ...c,
      withdrawnAt: c.withdrawnAt ?? new Date(0),
      reason: c.withdrawalReason ?? "",
    })),
  };
}

/** A public actor's claims (as claimant): newly published, status changes and withdrawals; null when not public. */
export async function getActorStory(db: Db, slug: string) {
  const actor = await db.actor.findFirst({
    where: { slug, ...PUBLIC_ACTOR },
    select: { id: true, slug: true, name: true },
  });
  if (!actor) return null;
  return { actor, ...(await storyOfClaims(db, { claimantId: actor.id })) };
}
export type ActorStory = NonNullable<Awaited<ReturnType<typeof getActorStory>>>;

/**
 * A public incident's claims (docs/decisions/0026-incidents.md): newly published, status changes and withdrawals;
 * null when readers may not see the incident. Drafts attached to it never appear.
 */
export async function getIncidentStory(db: Db, slug: string) {
  const incident = await db.incident.findFirst({
    where: { slug, ...PUBLIC_INCIDENT },
    select: { id: true, slug: true, title: true },
  });
  if (!incident) return null;
  return { incident, ...(await storyOfClaims(db, { incidentId: incident.id })) };
}
export type IncidentStory = NonNullable<Awaited<ReturnType<typeof getIncidentStory>>>;

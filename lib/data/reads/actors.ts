import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { claimSummarySelect } from "@/lib/data/reads/claims";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";

export async function listActors(db: Db) {
  const actors = await db.actor.findMany({
    where: PUBLIC_ACTOR,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      slug: true,
      name: true,
      kind: true,
      country: true,
      synthetic: true,
      _count: { select: { claims: { where: PUBLISHED }, aboutClaims: { where: { claim: PUBLISHED } } } },
    },
  });
  return actors.map(({ _count, ...a }) => ({ ...a, claimCount: _count.claims, aboutCount: _count.aboutClaims }));
}

export function findActorBySlug(db: Db, slug: string) {
  return db.actor.findFirst({
    where: { slug, ...PUBLIC_ACTOR },
    select: {
      slug: true,
      name: true,
      kind: true,
      country: true,
      side: true,
      sameAs: true,
      description: true,
      synthetic: true,
    },
  });
}

// A dozen per section keeps the page light enough to serve from the page cache at static speed (docs/performance.md);
// the link under each section lists the rest on /claims.
const SECTION_LIMIT = 12;

/**
 * Who said what: an actor's published claims split into what it asserted, what it denied (claims of its with an
 * outgoing DENIES link) and the positions it holds; then the published claims about it, whoever made them
 * (docs/decisions/0029-claims-about-actors.md). Each section is capped; the list page has the rest.
 */
export async function getActorProfile(db: Db, slug: string) {
  const actor = await findActorBySlug(db, slug);
  if (!actor) return null;
  const mine = { ...PUBLISHED, claimant: { slug } };
  const aboutIt = { ...PUBLISHED, about: { some: { actor: { slug } } } };
  const denial = { linksFrom: { some: { type: "DENIES" as const, to: PUBLISHED } } };
  const select = {
    ...claimSummarySelect,
    linksFrom: {
      where: { type: "DENIES" as const, to: PUBLISHED },
      select: { to: { select: { slug: true, statement: true, claimant: { select: { name: true } } } } },
    },
  };
  const order = [{ claimedAt: "desc" as const }, { id: "desc" as const }];
  const [claimed, denied, positions, about, counts] = await Promise.all([
    db.claim.findMany({ where: { ...mine, kind: "FACT", NOT: denial }, orderBy: order, take: SECTION_LIMIT, select }),
    db.claim.findMany({ where: { ...mine, kind: "FACT", ...denial }, orderBy: order, take: SECTION_LIMIT, select }),
    db.claim.findMany({ where: { ...mine, kind: "POSITION" }, orderBy: order, take: SECTION_LIMIT, select }),
    db.claim.findMany({ where: aboutIt, orderBy: order, take: SECTION_LIMIT, select }),
    Promise.all([
      db.claim.count({ where: { ...mine, kind: "FACT", NOT: denial } }),
      db.claim.count({ where: { ...mine, kind: "FACT", ...denial } }),
      db.claim.count({ where: { ...mine, kind: "POSITION" } }),
      db.claim.count({ where: aboutIt }),
    ]),
  ]);
  return {
    actor,
    claimed,
    denied,
    positions,
    about,
    counts: { claimed: counts[0], denied: counts[1], positions: counts[2], about: counts[3] },
    limit: SECTION_LIMIT,
  };
}
export type ActorProfile = NonNullable<Awaited<ReturnType<typeof getActorProfile>>>;

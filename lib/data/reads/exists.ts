import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";

// Cheap existence checks for proxy.ts, which answers a real 404 before a page starts rendering.

export async function publishedClaimExists(db: Db, slug: string): Promise<boolean> {
  return (await db.claim.count({ where: { slug, ...PUBLISHED } })) > 0;
}

/** What a claim's URL shows: its page, the 410 page of a withdrawn claim, or a 404 (drafts included). */
export type ClaimPageState = "published" | "withdrawn" | "missing";

export async function claimPageState(db: Db, slug: string): Promise<ClaimPageState> {
  const claim = await db.claim.findFirst({ where: { slug }, select: { publishedAt: true, withdrawnAt: true } });
  if (!claim) return "missing";
  if (claim.publishedAt) return "published";
  // The same test as WITHDRAWN (lib/data/reads/withdrawn.ts): publishedAt is null here.
  return claim.withdrawnAt ? "withdrawn" : "missing";
}

/** An actor readers may see (a draft-only actor is as missing as an unknown one). */
export async function actorExists(db: Db, slug: string): Promise<boolean> {
  return (await db.actor.count({ where: { slug, ...PUBLIC_ACTOR } })) > 0;
}

/** Any claim, drafts included, by the number in /editor/claims/<id>; a malformed number is no claim. */
export async function claimIdExists(db: Db, id: string): Promise<boolean> {
  if (!/^[1-9]\d{0,8}$/.test(id)) return false;
  return (await db.claim.count({ where: { id: Number(id) } })) > 0;
}

/** Any account, by the number in /admin/users/<id>; a malformed number (negative, text, too long) is no account. */
export async function userIdExists(db: Db, id: string): Promise<boolean> {
  if (!/^[1-9]\d{0,8}$/.test(id)) return false;
  return (await db.user.count({ where: { id: Number(id) } })) > 0;
}

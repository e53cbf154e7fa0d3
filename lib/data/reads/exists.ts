import type { Db } from "@/lib/db/create-client";
import { PUBLISHED } from "@/lib/data/reads/claim-query";
import { PUBLIC_ACTOR } from "@/lib/data/reads/public-actor";

// Cheap existence checks for proxy.ts, which answers a real 404 before a page starts rendering.

export async function publishedClaimExists(db: Db, slug: string): Promise<boolean> {
  return (await db.claim.count({ where: { slug, ...PUBLISHED } })) > 0;
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

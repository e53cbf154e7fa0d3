import type { Db } from "@/lib/prisma-client";
import { PUBLISHED } from "@/lib/data/claim-query";

// Cheap existence checks for proxy.ts, which answers a real 404 before a page starts rendering.

export async function publishedClaimExists(db: Db, slug: string): Promise<boolean> {
  return (await db.claim.count({ where: { slug, ...PUBLISHED } })) > 0;
}

export async function actorExists(db: Db, slug: string): Promise<boolean> {
  return (await db.actor.count({ where: { slug } })) > 0;
}

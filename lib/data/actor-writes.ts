import { recordAudit } from "@/lib/data/audit";
import type { Tx } from "@/lib/data/claim-version";
import { firstFreeSlug, slugify } from "@/lib/slug";
import type { ActorInput } from "@/lib/validation/actor";

/**
 * Creates an actor typed into the claim form, inside the claim's transaction, so that a refused claim leaves no
 * stray actor behind. The slug comes from the name; a name with no Latin letters gets "actor".
 */
export async function createActorInTx(tx: Tx, userId: number, input: ActorInput): Promise<number> {
  const base = slugify(input.name) || "actor";
  const taken = await tx.actor.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const data = {
    slug: firstFreeSlug(base, taken.map((a) => a.slug)),
    name: input.name,
    kind: input.kind,
    country: input.country ?? null,
    sameAs: input.sameAs ?? null,
  };
  const actor = await tx.actor.create({ data, select: { id: true } });
  await recordAudit(tx, { userId, entity: "Actor", entityId: actor.id, action: "create", changes: data });
  return actor.id;
}

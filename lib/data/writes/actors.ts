import type { Db, Tx } from "@/lib/db/create-client";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { firstFreeSlug, slugify } from "@/lib/domain/slug";
import type { ActorInput, ActorPublishInput, ActorSideInput } from "@/lib/validation/actor";

// An actor typed into the claim form is created inside the claim's transaction, so a refused claim leaves no stray
// actor behind. Its slug is chosen before the transaction: a transaction that reads before it writes cannot wait
// for SQLite's write lock (it fails at once when another process wrote in between), so writes go first.

export type NewActor = {
  slug: string;
  name: string;
  kind: ActorInput["kind"];
  country: string | null;
  side: string | null;
  sameAs: string | null;
};

/** The actor's row: a slug from the name (-2, -3… when taken; "actor" for a name without Latin letters). */
export async function planActor(db: Db, input: ActorInput): Promise<NewActor> {
  const base = slugify(input.name) || "actor";
  const taken = await db.actor.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return {
    slug: firstFreeSlug(
      base,
      taken.map((a) => a.slug),
    ),
    name: input.name,
    kind: input.kind,
    country: input.country ?? null,
    side: input.side ?? null,
    sameAs: input.sameAs ?? null,
  };
}

export async function createActorInTx(tx: Tx, userId: number, actor: NewActor): Promise<number> {
  const { id } = await tx.actor.create({ data: actor, select: { id: true } });
  await recordAudit(tx, { userId, entity: "Actor", entityId: id, action: "create", changes: actor });
  return id;
}

/**
 * Sets the actor's explicit `published` flag (lib/data/reads/public-actor.ts): readers see it from then on even
 * without a published claim. Unsetting it hides the actor again only if no published claim names it.
 */
export async function setActorPublished(
  db: Db,
  editor: Editor,
  input: ActorPublishInput,
): Promise<ActionResult<{ published: boolean }>> {
  return db.$transaction(async (tx) => {
    // The write first, then the check (see above: a transaction that reads first cannot wait for the write lock).
    const { count } = await tx.actor.updateMany({
      where: { id: input.actorId, published: !input.published },
      data: { published: input.published },
    });
    if (count === 0) {
      const exists = (await tx.actor.count({ where: { id: input.actorId } })) > 0;
      return exists
        ? refuseField(
            "published",
            input.published ? "This actor is already shown to readers." : "This actor is not published.",
          )
        : refuseField("actorId", "This actor no longer exists.");
    }
    await recordAudit(tx, {
      userId: editor.id,
      entity: "Actor",
      entityId: input.actorId,
      action: input.published ? "publish" : "unpublish",
      changes: { published: [!input.published, input.published] },
    });
    return { ok: true as const, data: { published: input.published } };
  });
}

/**
 * Sets the actor's side in the story (null: none or independent); the parity table on / groups by it. The old side
 * is read before the transaction (see above) and the write only lands if it is still the same, so the audit event's
 * [old, new] is exact even when two editors race.
 */
export async function setActorSide(
  db: Db,
  editor: Editor,
  input: ActorSideInput,
): Promise<ActionResult<{ side: string | null }>> {
  const side = input.side ?? null;
  const before = await db.actor.findUnique({ where: { id: input.actorId }, select: { side: true } });
  if (!before) return refuseField("actorId", "This actor no longer exists.");
  if (before.side === side)
    return refuseField(
      "side",
      side === null ? "This actor already has no side." : `This actor is already on “${side}”.`,
    );
  return db.$transaction(async (tx) => {
    const { count } = await tx.actor.updateMany({ where: { id: input.actorId, side: before.side }, data: { side } });
    if (count === 0)
      return refuseField("side", "Someone changed this actor's side meanwhile: reload the page and try again.");
    await recordAudit(tx, {
      userId: editor.id,
      entity: "Actor",
      entityId: input.actorId,
      action: "set-side",
      changes: { side: [before.side, side] },
    });
    return { ok: true as const, data: { side } };
  });
}

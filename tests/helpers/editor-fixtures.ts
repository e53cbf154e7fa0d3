import type { Db } from "@/lib/db/create-client";
import { ClaimCreateSchema } from "@/lib/validation/claim";
import type { z } from "zod";

/** A claim form as the browser sends it, for the write functions (parsed with the form's schema, like the action). */
export function claimForm(actorId: number, overrides: Partial<z.input<typeof ClaimCreateSchema>> = {}) {
  return ClaimCreateSchema.parse({
    slug: "",
    statement: `Unit claim ${Math.random().toString(36).slice(2, 8)}: a depot near the border was struck.`,
    originalText: "",
    originalLanguage: "",
    category: "CASUALTIES",
    kind: "FACT",
    claimant: { mode: "existing", actorId },
    claimedAt: "2026-11-20",
    location: "Khost",
    incidentId: "",
    ...overrides,
  });
}

/** Everything written about one entity, oldest first, with the changes decoded. */
export async function auditOf(db: Db, entity: string, entityId: number) {
  const rows = await db.auditEvent.findMany({
    where: { entity, entityId: String(entityId) },
    orderBy: { id: "asc" },
    select: { userId: true, action: true, changes: true },
  });
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> }));
}

/** Row counts of every table an editor's write can touch: "nothing written" means these do not move. */
export async function tableCounts(db: Db) {
  const [claims, actors, sources, claimSources, figures, links, statusChanges, auditEvents, proposals, claimAbouts] =
    await Promise.all([
      db.claim.count(),
      db.actor.count(),
      db.source.count(),
      db.claimSource.count(),
      db.casualtyFigure.count(),
      db.claimLink.count(),
      db.statusChange.count(),
      db.auditEvent.count(),
      db.proposal.count(),
      db.claimAbout.count(),
    ]);
  return { claims, actors, sources, claimSources, figures, links, statusChanges, auditEvents, proposals, claimAbouts };
}

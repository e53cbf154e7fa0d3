import type { Db } from "@/lib/db/create-client";
import { refuseField, type ActionResult } from "@/lib/actions/result";
import { diffFields, recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { countWrite, Refused } from "@/lib/data/writes/version-check";
import { isUniqueViolation } from "@/lib/data/writes/unique-violation";
import { normaliseClaimDate } from "@/lib/domain/claim-date";
import { formatDateTime } from "@/lib/domain/format";
import { firstFreeSlug, slugify } from "@/lib/domain/slug";
import { dayToDate } from "@/lib/validation/fields";
import type {
  AttachClaimInput,
  DetachClaimInput,
  IncidentCreateInput,
  IncidentUpdateInput,
} from "@/lib/validation/incident";

// Editors' writes of incidents (docs/editing.md, Incidents). Each is one transaction with its AuditEvent; the
// runner then refreshes reader pages (an incident page, the list, the sitemap and its claims' pages all change).
// Incident.version guards the incident's own fields: a save made from a page opened before someone else's save
// is refused with who saved and when, never merged silently.

type IncidentFields = Omit<IncidentCreateInput, "slug">;

/** The stored row of the form's fields: the day normalised to its precision, empty coordinates as null. */
function incidentColumns(input: IncidentFields) {
  return {
    title: input.title,
    date: normaliseClaimDate(dayToDate(input.date), input.datePrecision),
    datePrecision: input.datePrecision,
    location: input.location,
    locationPrecision: input.locationPrecision,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    description: input.description ?? null,
  };
}

const slugTaken = (slug: string) =>
  refuseField("slug", `The slug “${slug}” is already used by another incident. Choose another one, or leave it empty.`);

export async function createIncident(
  db: Db,
  editor: Editor,
  input: IncidentCreateInput,
): Promise<ActionResult<{ id: number; slug: string }>> {
  let slug = input.slug;
  if (slug) {
    if (await db.incident.count({ where: { slug } })) return slugTaken(slug);
  } else {
    const base = slugify(input.title) || "incident";
    const taken = await db.incident.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    slug = firstFreeSlug(
      base,
      taken.map((i) => i.slug),
    );
  }
  const data = { slug, ...incidentColumns(input) };
  try {
    return await db.$transaction(async (tx) => {
      const { id } = await tx.incident.create({ data, select: { id: true } });
      await recordAudit(tx, { userId: editor.id, entity: "Incident", entityId: id, action: "create", changes: data });
      return { ok: true as const, data: { id, slug } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(slug);
    throw error;
  }
}

export async function updateIncident(
  db: Db,
  editor: Editor,
  input: IncidentUpdateInput,
): Promise<ActionResult<{ version: number }>> {
  const { incidentId, version, ...fields } = input;
  const after = incidentColumns(fields);
  // Read before the transaction (a transaction that reads first cannot wait for SQLite's write lock); the write
  // lands only at the same version, so what was read is still what it replaces.
  const before = await db.incident.findUnique({
    where: { id: incidentId },
    select: { ...selectOf(after), version: true },
  });
  if (!before) return refuseField("incidentId", "This incident no longer exists.");
  if (before.version !== version) return staleIncident(db, incidentId);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.incident.updateMany({
        where: { id: incidentId, version },
        data: { ...after, version: { increment: 1 } },
      });
      if (count !== 1) throw new Refused(await staleIncident(db, incidentId));
      const { version: _v, ...stored } = before;
      const changes = diffFields(stored, after);
      await recordAudit(tx, { userId: editor.id, entity: "Incident", entityId: incidentId, action: "update", changes });
      return { ok: true as const, data: { version: version + 1 } };
    });
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    throw error;
  }
}

function selectOf<T extends object>(row: T): Record<keyof T, true> {
  return Object.fromEntries(Object.keys(row).map((k) => [k, true])) as Record<keyof T, true>;
}

/** Why a save did not land: the incident is gone, or someone saved it since the form was opened (who, when). */
async function staleIncident(db: Db, incidentId: number) {
  const event = await db.auditEvent.findFirst({
    where: { entity: "Incident", entityId: String(incidentId) },
    orderBy: { id: "desc" },
    select: { createdAt: true, user: { select: { name: true } } },
  });
  const exists = (await db.incident.count({ where: { id: incidentId } })) > 0;
  if (!exists) return refuseField("incidentId", "This incident no longer exists.");
  const by = event?.user?.name ?? null;
  const at = event?.createdAt ?? new Date();
  return {
    ok: false as const,
    fieldErrors: {},
    formError: `Changed by ${by ?? "another editor"}${event ? ` at ${formatDateTime(at)}` : ""} since you opened it. Nothing was saved: reload the latest version and make your change again.`,
    conflict: { changedBy: by, changedAt: at.toISOString() },
  };
}

/**
 * Attaches an existing claim (draft or published) to the incident. A claim belongs to one incident at most: one
 * attached elsewhere is moved, and the audit names both. The claim's version moves on, as for any claim write.
 */
export async function attachClaim(
  db: Db,
  editor: Editor,
  input: AttachClaimInput,
): Promise<ActionResult<{ claimId: number; slug: string }>> {
  const [incident, claim] = await Promise.all([
    db.incident.findUnique({ where: { id: input.incidentId }, select: { id: true } }),
    db.claim.findUnique({ where: { slug: input.claim }, select: { id: true, slug: true, incidentId: true } }),
  ]);
  if (!incident) return refuseField("incidentId", "This incident no longer exists.");
  if (!claim) return refuseField("claim", `No claim has the slug “${input.claim}”.`);
  if (claim.incidentId === incident.id) return refuseField("claim", "This claim is already part of this incident.");
  try {
    return await db.$transaction(async (tx) => {
      await countWrite(tx, claim.id, editor.id, { incidentId: incident.id });
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: claim.id,
        action: "attach-incident",
        changes: { incidentId: [claim.incidentId, incident.id] },
      });
      return { ok: true as const, data: { claimId: claim.id, slug: claim.slug } };
    });
  } catch (error) {
    if (error instanceof Refused) return refuseField("claim", "This claim no longer exists.");
    throw error;
  }
}

/** Takes a claim out of the incident (the claim stays as it is otherwise). */
export async function detachClaim(
  db: Db,
  editor: Editor,
  input: DetachClaimInput,
): Promise<ActionResult<{ claimId: number }>> {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.claim.updateMany({
        where: { id: input.claimId, incidentId: input.incidentId },
        data: { incidentId: null, version: { increment: 1 }, updatedById: editor.id },
      });
      if (count !== 1) throw new Refused(refuseField("claimId", "This claim is not part of this incident any more."));
      await recordAudit(tx, {
        userId: editor.id,
        entity: "Claim",
        entityId: input.claimId,
        action: "detach-incident",
        changes: { incidentId: [input.incidentId, null] },
      });
      return { ok: true as const, data: { claimId: input.claimId } };
    });
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    throw error;
  }
}

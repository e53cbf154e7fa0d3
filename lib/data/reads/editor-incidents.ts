import type { Db } from "@/lib/db/create-client";

// The editor's reads of incidents: every incident, drafts' claims included (never shown to readers).

const LIST_LIMIT = 500;

/** Newest first, with how many claims each has and how many of them are published. */
export async function listEditorIncidents(db: Db) {
  const rows = await db.incident.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      slug: true,
      title: true,
      date: true,
      datePrecision: true,
      location: true,
      locationPrecision: true,
      claims: { select: { publishedAt: true } },
    },
  });
  return rows.map(({ claims, ...i }) => ({
    ...i,
    claimCount: claims.length,
    publishedCount: claims.filter((c) => c.publishedAt).length,
  }));
}

/** One incident as its edit form opens it, with its claims (drafts too); null when there is no such incident. */
export async function getEditorIncident(db: Db, id: number) {
  return db.incident.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      date: true,
      datePrecision: true,
      location: true,
      locationPrecision: true,
      latitude: true,
      longitude: true,
      description: true,
      version: true,
      updatedAt: true,
      claims: {
        orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          statement: true,
          status: true,
          kind: true,
          publishedAt: true,
          claimant: { select: { name: true } },
        },
      },
    },
  });
}
export type EditorIncident = NonNullable<Awaited<ReturnType<typeof getEditorIncident>>>;

/** For proxy.ts: whether /editor/incidents/<id> names an incident; a malformed number is none. */
export async function incidentIdExists(db: Db, id: string): Promise<boolean> {
  if (!/^[1-9]\d{0,8}$/.test(id)) return false;
  return (await db.incident.count({ where: { id: Number(id) } })) > 0;
}

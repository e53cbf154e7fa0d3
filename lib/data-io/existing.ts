import type { Prisma } from "@/generated/prisma/client";
import type { ValidDocument } from "@/lib/data-io/validate";
import type { Tx } from "@/lib/db/create-client";
import {
  actorFieldsSelect,
  claimFieldsSelect,
  figureFieldsSelect,
  incidentFieldsSelect,
  sourceFieldsSelect,
} from "@/lib/data/stored-fields";

// What the database already holds of the rows a file names: read in a few queries per table (lists of slugs in
// chunks), never one query per record, so planning 100,000 claims stays quick.

// Prisma refuses more than 999 values in one SQLite query when the query is ordered (it splits only unordered ones).
const CHUNK = 900;

async function inChunks<K, T>(keys: K[], load: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await load(keys.slice(i, i + CHUNK))));
  return out;
}

const claimSelect = { ...claimFieldsSelect, version: true } as const;

type Loaded<T extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<T>>[number];
/**
 * The ids of the rows whose key is in `keys`. Asking with lists of keys costs a query per 900 keys, each slow to
 * build in Prisma; when the file names a good share of the table (always, for an empty one), reading every key
 * once is far cheaper.
 */
async function idsByKey<K extends string>(
  keys: Set<K>,
  count: () => Promise<number>,
  all: () => Promise<{ id: number; key: K | null }[]>,
  some: (chunk: K[]) => Promise<{ id: number; key: K | null }[]>,
): Promise<number[]> {
  if (keys.size === 0) return [];
  const rows = keys.size * 4 >= (await count()) ? await all() : await inChunks([...keys], some);
  return rows.filter((r) => r.key !== null && keys.has(r.key)).map((r) => r.id);
}

const byIds = <T>(ids: number[], load: (chunk: number[]) => Promise<T[]>) => inChunks(ids, load);

async function loadActors(tx: Tx, slugs: Set<string>) {
  const ids = await idsByKey(
    slugs,
    () => tx.actor.count(),
    async () => (await tx.actor.findMany({ select: { id: true, slug: true } })).map((r) => ({ id: r.id, key: r.slug })),
    async (chunk) =>
      (await tx.actor.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } })).map((r) => ({
        id: r.id,
        key: r.slug,
      })),
  );
  return byIds(ids, (chunk) => tx.actor.findMany({ where: { id: { in: chunk } }, select: actorFieldsSelect }));
}

async function loadClaims(tx: Tx, slugs: Set<string>) {
  const ids = await idsByKey(
    slugs,
    () => tx.claim.count(),
    async () => (await tx.claim.findMany({ select: { id: true, slug: true } })).map((r) => ({ id: r.id, key: r.slug })),
    async (chunk) =>
      (await tx.claim.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } })).map((r) => ({
        id: r.id,
        key: r.slug,
      })),
  );
  return byIds(ids, (chunk) => tx.claim.findMany({ where: { id: { in: chunk } }, select: claimSelect }));
}

/** Candidates by url, and by title among the sources without one (their publisher is compared by the caller). */
async function loadSources(tx: Tx, urls: Set<string>, titles: Set<string>) {
  const count = () => tx.source.count();
  const all = async () =>
    (await tx.source.findMany({ select: { id: true, url: true, title: true } })).map((r) => ({
      id: r.id,
      key: r.url ?? `\u0000${r.title}`,
    }));
  const byUrl = await idsByKey(urls, count, all, async (chunk) =>
    (await tx.source.findMany({ where: { url: { in: chunk } }, select: { id: true, url: true } })).map((r) => ({
      id: r.id,
      key: r.url,
    })),
  );
  const untitled = new Set([...titles].map((t) => `\u0000${t}`));
  const byTitle = await idsByKey(untitled, count, all, async (chunk) =>
    (
      await tx.source.findMany({
        where: { url: null, title: { in: chunk.map((t) => t.slice(1)) } },
        select: { id: true, title: true },
      })
    ).map((r) => ({
      id: r.id,
      key: `\u0000${r.title}`,
    })),
  );
  return byIds([...byUrl, ...byTitle], (chunk) =>
    tx.source.findMany({ where: { id: { in: chunk } }, select: sourceFieldsSelect }),
  );
}

export type DbClaim = Loaded<typeof loadClaims>;
export type DbSource = Loaded<typeof loadSources>;

export type Related = {
  sources: { id: number; sourceId: number; stance: string; note: string | null }[];
  figures: {
    id: number;
    claimId: number;
    reportedById: number;
    sourceId: number | null;
    population: string;
    outcome: string;
    min: number;
    max: number;
    reportedAt: Date | null;
    note: string | null;
    noSourceReason: string | null;
  }[];
  links: { id: number; toId: number; type: string; note: string | null }[];
  /** ids of the actors the claim is about */
  about: number[];
  history: { from: string; to: string; rationale: string }[];
  notes: { text: string; createdAt: Date }[];
};

export type Existing = {
  /** the highest id of each table, read inside the import's transaction: new rows take the ids after it */
  maxIds: { actor: number; incident: number; source: number; claim: number };
  actors: Map<string, Loaded<typeof loadActors>>;
  incidents: Map<string, Prisma.IncidentGetPayload<{ select: typeof incidentFieldsSelect }>>;
  /** candidates for the file's sources, by id */
  sources: DbSource[];
  claims: Map<string, DbClaim>;
  /** sources, figures, links and history of the file's claims that exist */
  related: Map<number, Related>;
  /** account ids by email, for the authors of imported notes */
  accounts: Map<string, number>;
};

export async function loadExisting(tx: Tx, doc: ValidDocument): Promise<Existing> {
  const actorSlugs = new Set<string>();
  for (const a of doc.actors) actorSlugs.add(a.value.slug);
  for (const a of doc.claimantActors) actorSlugs.add(a.value.slug);
  const claimSlugs = new Set<string>();
  const incidentSlugs = new Set(doc.incidents.map((i) => i.value.slug));
  for (const { value: c } of doc.claims) {
    actorSlugs.add(c.claimant);
    claimSlugs.add(c.slug);
    if (c.incident) incidentSlugs.add(c.incident);
    for (const f of c.figures ?? []) actorSlugs.add(f.reportedBy);
    for (const l of c.links ?? []) claimSlugs.add(l.to);
    for (const slug of c.about ?? []) actorSlugs.add(slug);
  }
  for (const { value: r } of doc.invalidClaimRefs) {
    if (r.claimant) actorSlugs.add(r.claimant);
    if (r.incident) incidentSlugs.add(r.incident);
    for (const [, slug] of r.reporters) actorSlugs.add(slug);
    for (const [, slug] of r.links) claimSlugs.add(slug);
    for (const [, slug] of r.about) actorSlugs.add(slug);
  }
  const urls = new Set<string>();
  const titles = new Set<string>();
  for (const { value: s } of doc.sources) {
    if (s.url) urls.add(s.url);
    else titles.add(s.title);
  }

  const [actor, incident, source, claim] = await Promise.all([
    tx.actor.aggregate({ _max: { id: true } }),
    tx.incident.aggregate({ _max: { id: true } }),
    tx.source.aggregate({ _max: { id: true } }),
    tx.claim.aggregate({ _max: { id: true } }),
  ]);
  const actors = await loadActors(tx, actorSlugs);
  const incidents = await inChunks([...incidentSlugs], (chunk) =>
    tx.incident.findMany({ where: { slug: { in: chunk } }, select: incidentFieldsSelect }),
  );
  const sources = (await loadSources(tx, urls, titles)).sort((a, b) => a.id - b.id);
  const claims = await loadClaims(tx, claimSlugs);

  const inFile = new Set(doc.claims.map((c) => c.value.slug));
  const ids = claims.filter((c) => inFile.has(c.slug)).map((c) => c.id);
  const related = new Map<number, Related>(
    ids.map((id) => [id, { sources: [], figures: [], links: [], about: [], history: [], notes: [] }]),
  );
  const of = (claimId: number) => related.get(claimId) as Related;
  for (const row of await inChunks(ids, (chunk) =>
    tx.claimSource.findMany({
      where: { claimId: { in: chunk } },
      select: { id: true, claimId: true, sourceId: true, stance: true, note: true },
      orderBy: { id: "asc" },
    }),
  ))
    of(row.claimId).sources.push(row);
  for (const row of await inChunks(ids, (chunk) =>
    tx.casualtyFigure.findMany({
      where: { claimId: { in: chunk } },
      select: { id: true, ...figureFieldsSelect },
      orderBy: { id: "asc" },
    }),
  ))
    of(row.claimId).figures.push(row);
  for (const row of await inChunks(ids, (chunk) =>
    tx.claimLink.findMany({
      where: { fromId: { in: chunk } },
      select: { id: true, fromId: true, toId: true, type: true, note: true },
      orderBy: { id: "asc" },
    }),
  ))
    of(row.fromId).links.push(row);
  for (const row of await inChunks(ids, (chunk) =>
    tx.claimAbout.findMany({ where: { claimId: { in: chunk } }, select: { claimId: true, actorId: true } }),
  ))
    of(row.claimId).about.push(row.actorId);
  for (const row of await inChunks(ids, (chunk) =>
    tx.statusChange.findMany({
      where: { claimId: { in: chunk } },
      select: { claimId: true, from: true, to: true, rationale: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ))
    of(row.claimId).history.push(row);
  for (const row of await inChunks(ids, (chunk) =>
    tx.claimNote.findMany({
      where: { claimId: { in: chunk } },
      select: { claimId: true, text: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ))
    of(row.claimId).notes.push(row);
  const authors = [...new Set(doc.claims.flatMap((c) => (c.value.notes ?? []).flatMap((n) => n.author ?? [])))];
  const accounts = await inChunks(authors, (chunk) =>
    tx.user.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } }),
  );

  return {
    maxIds: {
      actor: actor._max.id ?? 0,
      incident: incident._max.id ?? 0,
      source: source._max.id ?? 0,
      claim: claim._max.id ?? 0,
    },
    actors: new Map(actors.map((a) => [a.slug, a])),
    incidents: new Map(incidents.map((i) => [i.slug, i])),
    sources,
    claims: new Map(claims.map((c) => [c.slug, c])),
    related,
    accounts: new Map(accounts.map((a) => [a.email, a.id])),
  };
}

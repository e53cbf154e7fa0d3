import {
  actorFieldsSelect,
  claimFieldsSelect,
  figureFieldsSelect,
  incidentFieldsSelect,
  sourceFieldsSelect,
} from "@/lib/data/stored-fields";
import type { Db } from "@/lib/db/create-client";
import { claimFileValues } from "@/lib/domain/claim-fields";
import { isoDay } from "@/lib/domain/format";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/validation/import";

// The export: everything the import reads, in one JSON document with one record per line (readable, diffable, and
// an error report's line points at a record). Deterministic: rows in a fixed order (actors, incidents and claims by
// slug; sources, figures by id; links by target and type; history by time), keys in a fixed order, empty values
// left out and no timestamp of the export itself, so export → fresh database → import → export gives the same
// bytes. Accounts, sessions, login attempts and the audit log are not data to move and are not exported; neither is
// who made a status change (the import records history without an editor). A note names its author by email.

type Obj = Record<string, unknown>;

/** null and undefined are left out of the file; everything else is kept as it is. */
function compact(entries: Obj): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(entries)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

const day = (d: Date | null) => (d ? isoDay(d) : null);

/** The export, in pieces to write one after another (a file of 100,000 claims is over 100 MB). */
export async function* exportChunks(db: Db): AsyncGenerator<string> {
  const actors = await db.actor.findMany({
    orderBy: { slug: "asc" },
    select: actorFieldsSelect,
  });
  const incidents = await db.incident.findMany({
    orderBy: { slug: "asc" },
    select: incidentFieldsSelect,
  });
  const sources = await db.source.findMany({
    orderBy: { id: "asc" },
    select: sourceFieldsSelect,
  });
  const actorSlug = new Map(actors.map((a) => [a.id, a.slug]));
  const incidentSlug = new Map(incidents.map((i) => [i.id, i.slug]));
  // Sources have no natural key: the file numbers them in id order, and claims and figures cite that number.
  const sourceKey = new Map(sources.map((s, i) => [s.id, `src-${i + 1}`]));

  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},\n`;
  yield* list("actors", actors, (a) =>
    compact({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      country: a.country,
      side: a.side,
      sameAs: a.sameAs,
      description: a.description,
      published: a.published || null,
      synthetic: a.synthetic || null,
    }),
  );
  yield ",\n";
  yield* list("incidents", incidents, (i) =>
    compact({
      slug: i.slug,
      title: i.title,
      date: day(i.date),
      datePrecision: i.datePrecision,
      location: i.location,
      locationPrecision: i.locationPrecision,
      latitude: i.latitude,
      longitude: i.longitude,
      description: i.description,
    }),
  );
  yield ",\n";
  yield* list("sources", sources, (s) =>
    compact({
      key: sourceKey.get(s.id),
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: day(s.publishedAt),
      type: s.type,
      archiveUrl: s.archiveUrl,
      excerpt: s.excerpt,
      derivedFrom: s.derivedFromId === null ? null : sourceKey.get(s.derivedFromId),
      protected: s.protected,
      protectedReason: s.protected ? s.protectedReason : null,
      synthetic: s.synthetic || null,
    }),
  );
  yield ",\n";
  yield* claimList(db, { actorSlug, incidentSlug, sourceKey });
  yield "}\n";
}

export async function exportToString(db: Db): Promise<string> {
  let out = "";
  for await (const chunk of exportChunks(db)) out += chunk;
  return out;
}

function* list<T>(name: string, rows: T[], toRecord: (row: T) => Obj): Generator<string> {
  if (rows.length === 0) {
    yield `"${name}":[]`;
    return;
  }
  yield `"${name}":[\n`;
  let buffer = "";
  for (let i = 0; i < rows.length; i++) {
    buffer += JSON.stringify(toRecord(rows[i] as T)) + (i < rows.length - 1 ? ",\n" : "\n");
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = "";
    }
  }
  yield buffer + "]";
}

type Keys = { actorSlug: Map<number, string>; incidentSlug: Map<number, string>; sourceKey: Map<number, string> };

async function* claimList(db: Db, keys: Keys): AsyncGenerator<string> {
  const claims = await db.claim.findMany({
    orderBy: { slug: "asc" },
    select: claimFieldsSelect,
  });
  const claimSlug = new Map(claims.map((c) => [c.id, c.slug]));
  const group = <T extends { claimId: number }>(rows: T[]) => {
    const by = new Map<number, T[]>();
    for (const row of rows) {
      const list = by.get(row.claimId);
      if (list) list.push(row);
      else by.set(row.claimId, [row]);
    }
    return by;
  };
  const sources = group(
    await db.claimSource.findMany({
      orderBy: [{ claimId: "asc" }, { sourceId: "asc" }],
      select: { claimId: true, sourceId: true, stance: true, note: true },
    }),
  );
  const figures = group(
    await db.casualtyFigure.findMany({
      orderBy: { id: "asc" },
      select: figureFieldsSelect,
    }),
  );
  const links = group(
    (await db.claimLink.findMany({ select: { fromId: true, toId: true, type: true, note: true } })).map((l) => ({
      claimId: l.fromId,
      to: claimSlug.get(l.toId) as string,
      type: l.type,
      note: l.note,
    })),
  );
  for (const list of links.values())
    list.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const about = group(
    await db.claimAbout.findMany({
      orderBy: [{ claimId: "asc" }, { actorId: "asc" }],
      select: { claimId: true, actorId: true },
    }),
  );
  const history = group(
    await db.statusChange.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { claimId: true, from: true, to: true, rationale: true, isCorrection: true, createdAt: true },
    }),
  );
  const notes = group(
    await db.claimNote.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { claimId: true, text: true, createdAt: true, editedAt: true, author: { select: { email: true } } },
    }),
  );

  if (claims.length === 0) {
    yield `"claims":[]`;
    return;
  }
  yield `"claims":[\n`;
  let buffer = "";
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i] as (typeof claims)[number];
    const record = compact({
      slug: c.slug,
      ...claimFileValues(c),
      claimant: keys.actorSlug.get(c.claimantId),
      incident: c.incidentId === null ? null : keys.incidentSlug.get(c.incidentId),
      // Slugs in order; left out when a claim is about no one, so exports of data without it stay as they were.
      about: about
        .get(c.id)
        ?.map((a) => keys.actorSlug.get(a.actorId) as string)
        .sort(),
      status: c.status,
      statusRationale: c.statusRationale,
      published: c.publishedAt !== null,
      publishedAt: c.publishedAt?.toISOString(),
      synthetic: c.synthetic || null,
      sources: (sources.get(c.id) ?? []).map((s) =>
        compact({ source: keys.sourceKey.get(s.sourceId), stance: s.stance, note: s.note }),
      ),
      figures: (figures.get(c.id) ?? []).map((f) =>
        compact({
          reportedBy: keys.actorSlug.get(f.reportedById),
          source: f.sourceId === null ? null : keys.sourceKey.get(f.sourceId),
          population: f.population,
          outcome: f.outcome,
          min: f.min,
          max: f.max,
          reportedAt: day(f.reportedAt),
          note: f.note,
          noSourceReason: f.noSourceReason,
        }),
      ),
      links: (links.get(c.id) ?? []).map((l) => compact({ to: l.to, type: l.type, note: l.note })),
      statusHistory: (history.get(c.id) ?? []).map((h) => ({
        from: h.from,
        to: h.to,
        rationale: h.rationale,
        isCorrection: h.isCorrection,
        at: h.createdAt.toISOString(),
      })),
      // Internal notes: in this full export (an admin's, from the command line), never in what readers get. Left
      // out when a claim has none, so exports of data without notes stay as they were.
      notes: notes.get(c.id)?.map((n) =>
        compact({
          author: n.author?.email,
          text: n.text,
          at: n.createdAt.toISOString(),
          editedAt: n.editedAt?.toISOString(),
        }),
      ),
    });
    buffer += JSON.stringify(record) + (i < claims.length - 1 ? ",\n" : "\n");
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = "";
    }
  }
  yield buffer + "]";
}

import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/validation/import";
import { unique } from "@/test-support/builders";
import { e2eDb } from "./db";

// Import files for the /admin/import tests: uniquely named records, so tests never see each other's data.

export type ImportCase = { prefix: string; actor: string; claims: string[]; statements: string[] };

export function importCase(): ImportCase {
  const prefix = unique("imp");
  return {
    prefix,
    actor: `${prefix}-ministry`,
    claims: [`${prefix}-depot-struck`, `${prefix}-no-depot`],
    statements: [
      `Imported ${prefix}: the strike destroyed an arms depot.`,
      `Imported ${prefix}: there was never a depot there.`,
    ],
  };
}

/** A valid export-format file: an actor, a source and two published claims, one denying the other. */
export function goodJson(c: ImportCase): Buffer {
  const claim = (i: number, extra: Record<string, unknown>) => ({
    slug: c.claims[i],
    statement: c.statements[i],
    category: "CASUALTIES",
    kind: "FACT",
    claimant: c.actor,
    claimedAt: "2026-11-20",
    status: "UNVERIFIED",
    published: true,
    sources: [{ source: "wire", stance: "CONTEXT" }],
    figures: [],
    statusHistory: [],
    ...extra,
  });
  const doc = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    actors: [{ slug: c.actor, name: `Ministry ${c.prefix}`, kind: "GOVERNMENT", country: "PK" }],
    incidents: [],
    sources: [
      {
        key: "wire",
        url: `https://example.org/${c.prefix}`,
        title: `Wire report ${c.prefix}`,
        type: "NEWS_REPORT",
        protected: false,
      },
    ],
    claims: [claim(0, { links: [] }), claim(1, { links: [{ to: c.claims[0], type: "DENIES" }] })],
  };
  return Buffer.from(JSON.stringify(doc, null, 1));
}

/** The same file with three mistakes: min above max, a link to a claim that exists nowhere, a javascript: URL. */
export function badJson(c: ImportCase): Buffer {
  const doc = JSON.parse(goodJson(c).toString()) as {
    sources: { url: string }[];
    claims: { figures: unknown[]; links: { to: string; type: string }[] }[];
  };
  doc.sources[0]!.url = "javascript:alert(1)";
  doc.claims[0]!.figures = [
    {
      reportedBy: c.actor,
      population: "CIVILIANS",
      outcome: "KILLED",
      min: 30,
      max: 3,
      noSourceReason: "Read out at a press briefing; no transcript.",
    },
  ];
  doc.claims[1]!.links = [{ to: `${c.prefix}-nowhere`, type: "DENIES" }];
  return Buffer.from(JSON.stringify(doc, null, 1));
}

/** What an import of `c` would have written; all zero means nothing was. */
export async function footprint(c: ImportCase) {
  const db = await e2eDb();
  return {
    actors: await db.actor.count({ where: { slug: c.actor } }),
    claims: await db.claim.count({ where: { slug: { in: c.claims } } }),
    sources: await db.source.count({ where: { url: { contains: c.prefix } } }),
  };
}

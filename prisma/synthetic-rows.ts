import type {
  ActorKind,
  ClaimCategory,
  ClaimStatus,
  LinkType,
  Prisma,
  SourceType,
  Stance,
} from "@/generated/prisma/client";
import { FINAL_STATUSES } from "@/lib/domain/vocabulary";

// Pure row builders for the synthetic loader (prisma/synthetic.ts): no I/O, every id given by the caller, every
// random choice from one seeded generator, so a run can be reproduced and tests can check the rows' invariants.
// Every row of one kind has the same keys, as the bulk insert requires (null where there is no value).

export const SYNTHETIC_PREFIX = "[Synthetic] ";
const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Rng = () => number;

/** mulberry32: small, fast and good enough to vary test data; not for anything secret. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return (table.at(-1) as readonly [T, number])[0];
}

const ACTOR_KINDS: readonly (readonly [ActorKind, number])[] = [
  ["GOVERNMENT", 25],
  ["MILITARY", 20],
  ["ARMED_GROUP", 20],
  ["INTERNATIONAL_ORG", 8],
  ["MEDIA", 10],
  ["NGO", 10],
  ["INDIVIDUAL", 7],
];
const COUNTRIES = ["PK", "AF", "US", "IN", "IR", "CN", "GB", "QA", null] as const;
const CATEGORIES: readonly (readonly [ClaimCategory, number])[] = [
  ["CASUALTIES", 22],
  ["MILITANT_HARBOURING", 15],
  ["SOVEREIGNTY_VIOLATION", 13],
  ["SELF_DEFENCE", 10],
  ["CIVILIAN_HARM", 18],
  ["DIPLOMATIC_POSITION", 12],
  ["OTHER", 10],
];
const FACT_STATUSES: readonly (readonly [ClaimStatus, number])[] = [
  ["UNVERIFIED", 25],
  ["IN_REVIEW", 10],
  ["DISPUTED", 22],
  ["UNVERIFIABLE", 15],
  ["MISLEADING", 10],
  ["FALSE", 10],
  ["CONFIRMED", 8],
];
const SOURCE_TYPES: readonly (readonly [SourceType, number])[] = [
  ["NEWS_REPORT", 40],
  ["OFFICIAL_STATEMENT", 20],
  ["NGO_REPORT", 10],
  ["UN_REPORT", 5],
  ["SOCIAL_MEDIA", 15],
  ["IMAGERY", 5],
  ["OTHER", 5],
];
const LINK_TYPES: readonly (readonly [LinkType, number])[] = [
  ["DENIES", 30],
  ["CONTRADICTS", 25],
  ["CORROBORATES", 15],
  ["QUALIFIES", 15],
  ["RESPONDS_TO", 15],
];
const PLACES = [
  "Northgate",
  "Red Ridge",
  "Valley Post 7",
  "Sector K-4",
  "Old Bazaar",
  "River Crossing 3",
  "Hill 112",
  "East Camp",
  "Border Post 19",
  "Market Town",
  "Stone Bridge",
  "Upper Ford",
];
const PUBLISHERS = ["Synthetic Wire", "Synthetic Daily", "Synthetic Monitor", "Synthetic Observer", "Synthetic Radio"];
// Short, plain sentences ("this is a synthetic claim") so right-to-left rendering can be checked with real script.
const ORIGINALS = [
  { lang: "ur", text: "یہ ایک مصنوعی دعویٰ ہے" },
  { lang: "fa", text: "این یک ادعای ساختگی است" },
  { lang: "ps", text: "دا یوه جعلي ادعا ده" },
] as const;

const STATEMENTS: Record<ClaimCategory, readonly ((n: number, place: string) => string)[]> = {
  CASUALTIES: [
    (n, p) => `${n} fighters were killed in clashes near ${p}.`,
    (n, p) => `${n} soldiers died when a checkpoint near ${p} came under fire.`,
  ],
  MILITANT_HARBOURING: [
    (_, p) => `Armed groups are sheltering in camps near ${p}.`,
    (_, p) => `Militants crossed the border at ${p} with local protection.`,
  ],
  SOVEREIGNTY_VIOLATION: [
    (_, p) => `Foreign aircraft entered airspace over ${p} without permission.`,
    (_, p) => `Troops crossed the frontier near ${p} during an operation.`,
  ],
  SELF_DEFENCE: [
    (_, p) => `The strike near ${p} was an act of self-defence against imminent attacks.`,
    (_, p) => `Forces only returned fire after being attacked at ${p}.`,
  ],
  CIVILIAN_HARM: [
    (n, p) => `${n} civilians were hurt when shells hit a market in ${p}.`,
    (n, p) => `A strike on ${p} damaged a school and injured ${n} people.`,
  ],
  DIPLOMATIC_POSITION: [
    (_, p) => `Talks over the crossing at ${p} should resume without preconditions.`,
    (_, p) => `The government backs a ceasefire along the line near ${p}.`,
  ],
  OTHER: [
    (_, p) => `The road through ${p} was closed to aid convoys for a week.`,
    (_, p) => `Power to ${p} was cut after fighting damaged the substation.`,
  ],
};

export function actorRows(
  rng: Rng,
  runId: string,
  firstId: number,
  count: number,
  now: number,
): Prisma.ActorCreateManyInput[] {
  return Array.from({ length: count }, (_, k) => {
    const kind = weighted(rng, ACTOR_KINDS);
    return {
      id: firstId + k,
      slug: `synthetic-${runId}-actor-${k + 1}`,
      name: `${SYNTHETIC_PREFIX}${kind.toLowerCase().replace("_", " ")} ${k + 1}`,
      kind,
      country: pick(rng, COUNTRIES),
      description: "Synthetic actor made by scripts/synthetic.ts for load and UI testing.",
      synthetic: true,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
  });
}

export function sourceRows(
  rng: Rng,
  runId: string,
  firstId: number,
  count: number,
  now: number,
): Prisma.SourceCreateManyInput[] {
  return Array.from({ length: count }, (_, k) => {
    const isProtected = rng() < 0.02;
    return {
      id: firstId + k,
      // .example is reserved (RFC 2606): these addresses can never point at a real page.
      url: rng() < 0.95 ? `https://synthetic.example/${runId}/source-${k + 1}` : null,
      title: `${SYNTHETIC_PREFIX}Report ${k + 1} on the border fighting`,
      publisher: pick(rng, PUBLISHERS),
      publishedAt: new Date(now - int(rng, 0, 730) * DAY),
      type: weighted(rng, SOURCE_TYPES),
      excerpt: rng() < 0.2 ? `${SYNTHETIC_PREFIX}Excerpt of report ${k + 1}.` : null,
      // Some sources repeat an earlier one, so "ten outlets quoting one release" can be tested.
      derivedFromId: k > 0 && rng() < 0.1 ? firstId + int(rng, 0, k - 1) : null,
      protected: isProtected,
      protectedReason: isProtected ? "Synthetic: the reporter's safety would be at risk." : null,
      synthetic: true,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
  });
}

export type ClaimBatch = {
  claims: Prisma.ClaimCreateManyInput[];
  claimSources: Prisma.ClaimSourceCreateManyInput[];
  figures: Prisma.CasualtyFigureCreateManyInput[];
  links: Prisma.ClaimLinkCreateManyInput[];
  statusChanges: Prisma.StatusChangeCreateManyInput[];
};

export type BatchContext = {
  rng: Rng;
  runId: string;
  now: number;
  actorIds: readonly number[];
  sourceIds: readonly number[];
  /** ids of this run's claims in order; filled by the caller as batches are written, read for links */
  claimIds: readonly number[];
};

/** Rows for the claims with run indexes [start, end), whose ids are ctx.claimIds[start..end). */
export function claimBatch(ctx: BatchContext, start: number, end: number): ClaimBatch {
  const batch: ClaimBatch = { claims: [], claimSources: [], figures: [], links: [], statusChanges: [] };
  for (let i = start; i < end; i++) addClaim(ctx, i, batch);
  return batch;
}

function addClaim(ctx: BatchContext, i: number, batch: ClaimBatch): void {
  const { rng, now } = ctx;
  const id = ctx.claimIds[i] as number;
  const category = weighted(rng, CATEGORIES);
  const isPosition = rng() < (category === "DIPLOMATIC_POSITION" || category === "SELF_DEFENCE" ? 0.5 : 0.03);
  const published = rng() >= 0.05;
  // Positions are never rated (docs/editing.md): they stay UNVERIFIED.
  const status: ClaimStatus = isPosition ? "UNVERIFIED" : weighted(rng, FACT_STATUSES);
  const claimantId = pick(rng, ctx.actorIds);
  const place = pick(rng, PLACES);
  const n = int(rng, 1, 150);
  const original = rng() < 0.1 ? pick(rng, ORIGINALS) : null;

  // claimedAt < createdAt < publishedAt < status changes <= now
  const claimedAt = now - int(rng, 1, 730 * 24) * HOUR;
  const createdAt = Math.min(now, claimedAt + int(rng, 10, 360) * 60_000);
  const publishedAt = published ? Math.min(now, createdAt + int(rng, 0, 48) * HOUR) : null;
  const history = statusHistory(rng, status, published);
  const base = publishedAt ?? createdAt;
  // Never past `now`: a claim made minutes ago gets its changes squeezed into those minutes.
  const gap = Math.floor(Math.min((now - base) / (history.length + 1), int(rng, 2, 72) * HOUR));
  history.forEach((change, k) =>
    batch.statusChanges.push({ claimId: id, ...change, createdAt: new Date(base + gap * (k + 1)) }),
  );
  const last = history.at(-1);

  batch.claims.push({
    id,
    slug: `synthetic-${ctx.runId}-${i + 1}`,
    statement: SYNTHETIC_PREFIX + pick(rng, STATEMENTS[category])(n, place),
    originalText: original ? `${original.text} (${i + 1})` : null,
    originalLanguage: original?.lang ?? null,
    category,
    kind: isPosition ? "POSITION" : "FACT",
    claimantId,
    claimedAt: new Date(claimedAt),
    location: place,
    status,
    statusRationale: last?.rationale ?? null,
    publishedAt: publishedAt === null ? null : new Date(publishedAt),
    synthetic: true,
    createdAt: new Date(createdAt),
    updatedAt: new Date(last ? base + gap * history.length : base),
  });

  const sourceIds = distinct(rng, ctx.sourceIds, int(rng, 1, 3));
  for (const sourceId of sourceIds)
    batch.claimSources.push({ claimId: id, sourceId, stance: stanceFor(rng, status), createdAt: new Date(createdAt) });

  const hasFigures = rng() < (category === "CASUALTIES" || category === "CIVILIAN_HARM" ? 0.9 : 0.03);
  if (hasFigures) {
    for (let f = int(rng, 1, 4); f > 0; f--) {
      const min = int(rng, 0, 120);
      batch.figures.push({
        claimId: id,
        reportedById: f === 1 ? claimantId : pick(rng, ctx.actorIds),
        sourceId: pick(rng, sourceIds),
        population:
          category === "CIVILIAN_HARM"
            ? "CIVILIANS"
            : pick(rng, ["CIVILIANS", "MILITANTS", "SECURITY_FORCES", "UNSPECIFIED"] as const),
        outcome: rng() < 0.65 ? "KILLED" : "INJURED",
        min,
        max: rng() < 0.3 ? min : min + int(rng, 0, Math.max(1, min)),
        reportedAt: new Date(claimedAt),
        createdAt: new Date(createdAt),
      });
    }
  }

  // Links go to earlier claims of this run (already written), mostly recent ones, so clusters form.
  const linkCount =
    i === 0
      ? 0
      : weighted(rng, [
          [0, 55],
          [1, 35],
          [2, 10],
        ] as const);
  const seen = new Set<string>();
  for (let l = 0; l < linkCount; l++) {
    const toId = ctx.claimIds[int(rng, Math.max(0, i - 2000), i - 1)] as number;
    const type = weighted(rng, LINK_TYPES);
    if (seen.has(`${toId}:${type}`)) continue;
    seen.add(`${toId}:${type}`);
    batch.links.push({ fromId: id, toId, type, createdAt: new Date(createdAt) });
  }
}

type Change = { from: ClaimStatus; to: ClaimStatus; rationale: string; isCorrection: boolean };

/** A history that starts at UNVERIFIED and ends at `status`; corrections only move away from a published verdict. */
export function statusHistory(rng: Rng, status: ClaimStatus, published: boolean): Change[] {
  const steps: ClaimStatus[] = ["UNVERIFIED"];
  if (status === "IN_REVIEW") {
    steps.push("IN_REVIEW");
    if (published && rng() < 0.08) steps.push(pick(rng, FINAL_STATUSES), "IN_REVIEW"); // a verdict reopened
  } else if (status !== "UNVERIFIED") {
    if (rng() < 0.7) steps.push("IN_REVIEW");
    if (published && rng() < 0.06)
      steps.push(
        pick(
          rng,
          FINAL_STATUSES.filter((s) => s !== status),
        ),
      ); // corrected
    steps.push(status);
  }
  return steps.slice(1).map((to, k) => {
    const from = steps[k] as ClaimStatus;
    const isCorrection = published && FINAL_STATUSES.includes(from);
    return { from, to, rationale: rationale(from, to, isCorrection), isCorrection };
  });
}

function rationale(from: ClaimStatus, to: ClaimStatus, isCorrection: boolean): string {
  if (to === "IN_REVIEW")
    return `${SYNTHETIC_PREFIX}${isCorrection ? "Reopened: new material questions the earlier verdict." : "An editor started checking the linked sources."}`;
  if (isCorrection)
    return `${SYNTHETIC_PREFIX}Corrected from ${from} to ${to} after a later source changed the picture.`;
  return `${SYNTHETIC_PREFIX}Rated ${to} after comparing the linked sources and the parties' accounts.`;
}

function stanceFor(rng: Rng, status: ClaimStatus): Stance {
  if (status === "CONFIRMED")
    return weighted(rng, [
      ["SUPPORTS", 70],
      ["CONTEXT", 20],
      ["REFUTES", 10],
    ] as const);
  if (status === "FALSE")
    return weighted(rng, [
      ["REFUTES", 70],
      ["CONTEXT", 20],
      ["SUPPORTS", 10],
    ] as const);
  if (status === "MISLEADING")
    return weighted(rng, [
      ["CONTEXT", 50],
      ["REFUTES", 30],
      ["SUPPORTS", 20],
    ] as const);
  return weighted(rng, [
    ["SUPPORTS", 40],
    ["CONTEXT", 35],
    ["REFUTES", 25],
  ] as const);
}

function distinct(rng: Rng, ids: readonly number[], count: number): number[] {
  const chosen = new Set<number>();
  const want = Math.min(count, ids.length);
  while (chosen.size < want) chosen.add(pick(rng, ids));
  return [...chosen];
}

import { z } from "zod";
import type {
  ActorKind,
  ClaimCategory,
  ClaimKind,
  ClaimStatus,
  LocationPrecision,
  SourceType,
} from "@/generated/prisma/client";
import { claimFieldsSelect } from "@/lib/data/stored-fields";
import type { Db, Tx } from "@/lib/db/create-client";
import { normaliseClaimDate, type DatePrecision } from "@/lib/domain/claim-date";
import { aboutProblem } from "@/lib/domain/claim-about";
import { verdictProblems } from "@/lib/domain/verdict";
import {
  appendStatusChanges,
  replaceClaimSources,
  replaceFigures,
  replaceLinks,
  sameFields,
  type ClaimSourceInput,
  type FigureInput,
  type LinkInput,
  type StatusStepInput,
} from "./claim-relations";

// The seed's writers: upsert by natural key, so the seed (prisma/seed-story.ts) can run on every start. Test
// builders that need unique rows instead live in test-support/builders.ts and may call these, never the reverse.

/**
 * What an upsert does with a row that already exists: "update" makes it match the input; "skip" leaves it (and,
 * for a claim, its sources, figures, links and history) exactly as it is, so editors' later changes survive.
 */
export type UpsertOptions = { ifExists?: "update" | "skip" };

const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

export type ActorInput = {
  slug: string;
  name: string;
  kind: ActorKind;
  country?: string | null;
  /** the actor's side in the story; null or omitted: none or independent */
  side?: string | null;
  sameAs?: string | null;
  description?: string | null;
  /** shown to readers without a published claim (lib/data/reads/public-actor.ts) */
  published?: boolean;
  synthetic?: boolean;
};

export async function upsertActor(
  db: Db | Tx,
  input: ActorInput,
  options: UpsertOptions = {},
): Promise<{ id: number; slug: string; name: string }> {
  const data = {
    name: input.name,
    kind: input.kind,
    country: input.country ?? null,
    side: input.side ?? null,
    sameAs: input.sameAs == null ? null : HttpUrl.parse(input.sameAs),
    description: input.description ?? null,
    published: input.published ?? false,
    synthetic: input.synthetic ?? false,
  };
  return db.actor.upsert({
    where: { slug: input.slug },
    create: { slug: input.slug, ...data },
    update: options.ifExists === "skip" ? {} : data,
    select: { id: true, slug: true, name: true },
  });
}

export type SourceInput = {
  url?: string | null;
  title: string;
  publisher?: string | null;
  publishedAt?: Date | null;
  type: SourceType;
  archiveUrl?: string | null;
  excerpt?: string | null;
  derivedFromId?: number | null;
  protected?: boolean;
  protectedReason?: string | null;
  synthetic?: boolean;
};

/**
 * Source has no unique column (a document may have no address), so it is found by url when it has one, otherwise
 * by title + publisher among the sources without a url, then updated or created.
 */
export async function upsertSource(
  db: Db | Tx,
  input: SourceInput,
  options: UpsertOptions = {},
): Promise<{ id: number }> {
  const url = input.url == null ? null : HttpUrl.parse(input.url);
  const data = {
    url,
    title: input.title,
    publisher: input.publisher ?? null,
    publishedAt: input.publishedAt ?? null,
    type: input.type,
    archiveUrl: input.archiveUrl == null ? null : HttpUrl.parse(input.archiveUrl),
    excerpt: input.excerpt ?? null,
    derivedFromId: input.derivedFromId ?? null,
    protected: input.protected ?? false,
    protectedReason: input.protectedReason ?? null,
    synthetic: input.synthetic ?? false,
  };
  const where = url ? { url } : { url: null, title: data.title, publisher: data.publisher };
  const existing = await db.source.findFirst({ where, select: { id: true }, orderBy: { id: "asc" } });
  if (existing && options.ifExists === "skip") return existing;
  if (existing) return db.source.update({ where: { id: existing.id }, data, select: { id: true } });
  return db.source.create({ data, select: { id: true } });
}

export type IncidentInput = {
  slug: string;
  title: string;
  date: Date;
  datePrecision: DatePrecision;
  location: string;
  locationPrecision: LocationPrecision;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
};

export async function upsertIncident(
  db: Db | Tx,
  input: IncidentInput,
  options: UpsertOptions = {},
): Promise<{ id: number; slug: string }> {
  const { slug, ...rest } = input;
  const data = {
    ...rest,
    date: normaliseClaimDate(rest.date, rest.datePrecision),
    latitude: rest.latitude ?? null,
    longitude: rest.longitude ?? null,
    description: rest.description ?? null,
  };
  return db.incident.upsert({
    where: { slug },
    create: { slug, ...data },
    update: options.ifExists === "skip" ? {} : data,
    select: { id: true, slug: true },
  });
}

export type ClaimInput = {
  slug: string;
  statement: string;
  originalText?: string | null;
  originalLanguage?: string | null;
  category: ClaimCategory;
  kind?: ClaimKind;
  /** actor slug */
  claimant: string;
  claimedAt: Date;
  /** default DAY; for UNKNOWN, claimedAt is the day the claim was recorded (lib/domain/claim-date.ts) */
  claimedAtPrecision?: DatePrecision;
  location?: string | null;
  /** incident slug */
  incident?: string | null;
  status?: ClaimStatus;
  statusRationale?: string | null;
  /** true keeps an existing publishedAt (or sets it now); false makes a draft; omitted leaves it as it is. */
  published?: boolean;
  synthetic?: boolean;
  // For the lists below, omitted means "leave as they are" and a given list replaces what is there.
  sources?: ClaimSourceInput[];
  figures?: FigureInput[];
  links?: LinkInput[];
  /** slugs of the actors the claim is about (docs/decisions/0029-claims-about-actors.md); replaces the list */
  about?: string[];
  /** Appended in order; a change already recorded (same from, to and rationale) is not added again. */
  statusHistory?: StatusStepInput[];
};

/** The product rules every writer keeps (lib/domain/verdict.ts, and a history that adds up): every broken rule, or []. */
export function claimRuleErrors(input: {
  kind: ClaimKind;
  status: ClaimStatus;
  statusRationale: string | null;
  sourceCount: number;
  statusHistory?: StatusStepInput[];
}): string[] {
  const errors: string[] = [];
  const verdict = {
    status: input.status,
    rationale: input.statusRationale,
    kind: input.kind,
    sourceCount: input.sourceCount,
  };
  for (const problem of verdictProblems(verdict)) errors.push(problem.message);
  const history = input.statusHistory ?? [];
  history.forEach((change, i) => {
    const previous = i === 0 ? "UNVERIFIED" : history[i - 1]?.to;
    if (change.from !== previous)
      errors.push(`status history step ${i + 1} starts from ${change.from}, expected ${previous}`);
  });
  const last = history.at(-1);
  if (last && last.to !== input.status)
    errors.push(`status history ends at ${last.to} but the claim's status is ${input.status}`);
  return errors;
}

/**
 * Creates or updates one claim by slug with its sources, figures, links and status history, in one transaction.
 * Running it again with the same input leaves the same rows: unchanged rows are kept (ids included) and the
 * claim's `version` only moves when one of its own fields changed.
 */
export async function upsertClaim(
  db: Db,
  input: ClaimInput,
  options: UpsertOptions = {},
): Promise<{ id: number; slug: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    const found = await tx.claim.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (found && options.ifExists === "skip") return { id: found.id, slug: input.slug, created: false };

    const claimant = await tx.actor.findUnique({ where: { slug: input.claimant }, select: { id: true } });
    if (!claimant) throw new Error(`upsertClaim ${input.slug}: no actor with slug "${input.claimant}"`);
    const incident = input.incident
      ? await tx.incident.findUnique({ where: { slug: input.incident }, select: { id: true } })
      : null;
    if (input.incident && !incident)
      throw new Error(`upsertClaim ${input.slug}: no incident with slug "${input.incident}"`);

    const existing = await tx.claim.findUnique({ where: { slug: input.slug }, select: claimFieldsSelect });
    const fields = {
      statement: input.statement,
      originalText: input.originalText ?? null,
      originalLanguage: input.originalLanguage ?? null,
      category: input.category,
      kind: input.kind ?? "FACT",
      claimantId: claimant.id,
      claimedAt: normaliseClaimDate(input.claimedAt, input.claimedAtPrecision ?? "DAY"),
      claimedAtPrecision: input.claimedAtPrecision ?? "DAY",
      location: input.location ?? null,
      incidentId: incident?.id ?? null,
      status: input.status ?? "UNVERIFIED",
      statusRationale: input.statusRationale ?? null,
      synthetic: input.synthetic ?? false,
      publishedAt:
        input.published === undefined
          ? (existing?.publishedAt ?? null)
          : input.published
            ? (existing?.publishedAt ?? new Date())
            : null,
    };

    let claimId: number;
    if (!existing) {
      claimId = (await tx.claim.create({ data: { slug: input.slug, ...fields }, select: { id: true } })).id;
    } else {
      claimId = existing.id;
      if (!sameFields(existing, fields))
        await tx.claim.update({ where: { id: claimId }, data: { ...fields, version: { increment: 1 } } });
    }

    if (input.sources) await replaceClaimSources(tx, claimId, input.sources);
    if (input.figures) await replaceFigures(tx, claimId, input.figures);
    if (input.links) await replaceLinks(tx, claimId, input.slug, input.links);
    if (input.about) await replaceAbout(tx, claimId, input.slug, input.about);
    if (input.statusHistory) await appendStatusChanges(tx, claimId, input.statusHistory);

    const errors = claimRuleErrors({
      kind: fields.kind,
      status: fields.status,
      statusRationale: fields.statusRationale,
      sourceCount: await tx.claimSource.count({ where: { claimId } }),
      statusHistory: input.statusHistory,
    });
    // Thrown inside the transaction, so a claim that breaks the rules is rolled back, not half-written.
    if (errors.length) throw new Error(`upsertClaim ${input.slug}:\n  ${errors.join("\n  ")}`);
    return { id: claimId, slug: input.slug, created: !existing };
  });
}

/** The actors a claim is about, by slug, under the same rule as the claim form (lib/domain/claim-about.ts). */
async function replaceAbout(tx: Tx, claimId: number, claimSlug: string, slugs: string[]): Promise<void> {
  const problem = aboutProblem(slugs);
  if (problem) throw new Error(`upsertClaim ${claimSlug}: about: ${problem}`);
  const actors = await tx.actor.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const missing = slugs.filter((s) => !actors.some((a) => a.slug === s));
  if (missing.length) throw new Error(`upsertClaim ${claimSlug}: about: no actor with slug "${missing.join('", "')}"`);
  await tx.claimAbout.deleteMany({ where: { claimId } });
  await tx.claimAbout.createMany({ data: actors.map((a) => ({ claimId, actorId: a.id })) });
}

/** Replaces the links going out of one claim; exported because a seed links claims after all of them exist. */
export async function setClaimLinks(db: Db, fromSlug: string, links: LinkInput[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const from = await tx.claim.findUnique({ where: { slug: fromSlug }, select: { id: true } });
    if (!from) throw new Error(`setClaimLinks: no claim with slug "${fromSlug}"`);
    await replaceLinks(tx, from.id, fromSlug, links);
  });
}

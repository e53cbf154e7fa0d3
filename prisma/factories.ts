import { randomUUID } from "node:crypto";
import { z } from "zod";
import type {
  ActorKind,
  ClaimCategory,
  ClaimKind,
  ClaimStatus,
  LinkType,
  Outcome,
  Population,
  Role,
  SourceType,
  Stance,
} from "@/generated/prisma/client";
import { claimFieldsSelect } from "@/lib/data/stored-fields";
import { hashPassword } from "@/lib/auth/password";
import type { Db, Tx } from "@/lib/db/create-client";
import { verdictProblems } from "@/lib/domain/verdict";
import { appendStatusChanges, replaceClaimSources, replaceFigures, replaceLinks, sameFields } from "./claim-relations";

// Shared by the seed, the synthetic loader, unit tests and e2e fixtures, so every writer obeys the same rules.



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
  sameAs?: string | null;
  description?: string | null;
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
    sameAs: input.sameAs == null ? null : HttpUrl.parse(input.sameAs),
    description: input.description ?? null,
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
export async function upsertSource(db: Db | Tx, input: SourceInput, options: UpsertOptions = {}): Promise<{ id: number }> {
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
  location: string;
  geoPrecision: 1 | 2 | 3;
  description?: string | null;
};

export async function upsertIncident(
  db: Db | Tx,
  input: IncidentInput,
  options: UpsertOptions = {},
): Promise<{ id: number; slug: string }> {
  const { slug, ...rest } = input;
  const data = { ...rest, description: rest.description ?? null };
  return db.incident.upsert({
    where: { slug },
    create: { slug, ...data },
    update: options.ifExists === "skip" ? {} : data,
    select: { id: true, slug: true },
  });
}

export type ClaimSourceInput = { sourceId: number; stance: Stance; note?: string | null };
export type FigureInput = {
  /** actor slug */
  reportedBy: string;
  sourceId?: number | null;
  population: Population;
  outcome: Outcome;
  min: number;
  max: number;
  reportedAt?: Date | null;
  note?: string | null;
};
/** A typed edge from this claim to the claim with slug `to`. */
export type LinkInput = { to: string; type: LinkType; note?: string | null };
export type StatusStepInput = { from: ClaimStatus; to: ClaimStatus; rationale: string; isCorrection?: boolean };

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
  const verdict = { status: input.status, rationale: input.statusRationale, kind: input.kind, sourceCount: input.sourceCount };
  for (const problem of verdictProblems(verdict)) errors.push(problem.message);
  const history = input.statusHistory ?? [];
  history.forEach((change, i) => {
    const previous = i === 0 ? "UNVERIFIED" : history[i - 1]?.to;
    if (change.from !== previous) errors.push(`status history step ${i + 1} starts from ${change.from}, expected ${previous}`);
  });
  const last = history.at(-1);
  if (last && last.to !== input.status) errors.push(`status history ends at ${last.to} but the claim's status is ${input.status}`);
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
    if (input.incident && !incident) throw new Error(`upsertClaim ${input.slug}: no incident with slug "${input.incident}"`);

    const existing = await tx.claim.findUnique({ where: { slug: input.slug }, select: claimFieldsSelect });
    const fields = {
      statement: input.statement,
      originalText: input.originalText ?? null,
      originalLanguage: input.originalLanguage ?? null,
      category: input.category,
      kind: input.kind ?? "FACT",
      claimantId: claimant.id,
      claimedAt: input.claimedAt,
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

/** Replaces the links going out of one claim; exported because a seed links claims after all of them exist. */
export async function setClaimLinks(db: Db, fromSlug: string, links: LinkInput[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const from = await tx.claim.findUnique({ where: { slug: fromSlug }, select: { id: true } });
    if (!from) throw new Error(`setClaimLinks: no claim with slug "${fromSlug}"`);
    await replaceLinks(tx, from.id, fromSlug, links);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Test builders: unique names on every call, so tests never share rows or depend on order (docs/testing.md).

export function uniqueSuffix(): string {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

export type TestSourceSpec =
  | { sourceId: number; stance: Stance; note?: string | null }
  | {
      stance: Stance;
      note?: string | null;
      title?: string;
      url?: string | null;
      publisher?: string | null;
      type?: SourceType;
      excerpt?: string | null;
      publishedAt?: Date | null;
      protected?: boolean;
      protectedReason?: string | null;
    };

export type TestFigureSpec = {
  /** defaults to the claimant */
  reportedById?: number;
  sourceId?: number | null;
  population?: Population;
  outcome?: Outcome;
  min: number;
  max: number;
  reportedAt?: Date | null;
  note?: string | null;
};

export type TestClaimOverrides = {
  /** an existing claimant; without one (and without claimantSlug) a fresh actor is made */
  claimantId?: number;
  claimantSlug?: string;
  /** used for the fresh actor */
  claimantName?: string;
  slug?: string;
  statement?: string;
  originalText?: string | null;
  originalLanguage?: string | null;
  category?: ClaimCategory;
  kind?: ClaimKind;
  claimedAt?: Date;
  location?: string | null;
  incidentId?: number | null;
  status?: ClaimStatus;
  statusRationale?: string | null;
  /** default true; false makes a draft */
  published?: boolean;
  publishedAt?: Date;
  /** default: one news report that SUPPORTS the claim, since a verdict needs a source; [] for none */
  sources?: TestSourceSpec[];
  figures?: TestFigureSpec[];
  links?: { toId: number; type: LinkType; note?: string | null }[];
  /** default: one change UNVERIFIED → status when status is not UNVERIFIED; [] for none */
  statusHistory?: (StatusStepInput & { createdAt?: Date; editorId?: number | null })[];
  createdById?: number | null;
};

export type TestClaim = {
  id: number;
  slug: string;
  statement: string;
  status: ClaimStatus;
  publishedAt: Date | null;
  claimant: { id: number; slug: string; name: string };
  sources: { id: number; title: string; stance: Stance; protected: boolean }[];
};

/**
 * One claim with everything around it, written in one transaction. It does not enforce the product rules
 * (claimRuleErrors), so a test can also build the odd states the app must cope with.
 */
export async function makeTestClaim(db: Db, overrides: TestClaimOverrides = {}): Promise<TestClaim> {
  const suffix = uniqueSuffix();
  const status = overrides.status ?? "UNVERIFIED";
  const statusRationale =
    overrides.statusRationale !== undefined
      ? overrides.statusRationale
      : status === "UNVERIFIED"
        ? null
        : `Test rationale: set to ${status} after checking the linked source.`;
  const sourceSpecs = overrides.sources ?? [{ stance: "SUPPORTS" as const }];
  const history =
    overrides.statusHistory ?? (status === "UNVERIFIED" ? [] : [{ from: "UNVERIFIED" as const, to: status, rationale: statusRationale ?? "Test status change rationale." }]);

  return db.$transaction(async (tx) => {
    const claimant = await testClaimant(tx, overrides, suffix);
    const claim = await tx.claim.create({
      data: {
        slug: overrides.slug ?? `t-${suffix}`,
        statement: overrides.statement ?? `Test claim ${suffix}: forces struck a depot near the border.`,
        originalText: overrides.originalText ?? null,
        originalLanguage: overrides.originalLanguage ?? null,
        category: overrides.category ?? "OTHER",
        kind: overrides.kind ?? "FACT",
        claimantId: claimant.id,
        claimedAt: overrides.claimedAt ?? new Date(),
        location: overrides.location ?? null,
        incidentId: overrides.incidentId ?? null,
        status,
        statusRationale,
        publishedAt: overrides.published === false ? null : (overrides.publishedAt ?? new Date()),
        createdById: overrides.createdById ?? null,
        updatedById: overrides.createdById ?? null,
      },
      select: { id: true, slug: true, statement: true, status: true, publishedAt: true },
    });

    const sources: TestClaim["sources"] = [];
    for (const [i, spec] of sourceSpecs.entries()) {
      const source =
        "sourceId" in spec
          ? await tx.source.findUniqueOrThrow({ where: { id: spec.sourceId }, select: { id: true, title: true, protected: true } })
          : await tx.source.create({
              data: {
                title: spec.title ?? `Test source ${suffix}-${i + 1}`,
                url: spec.url === undefined ? `https://example.org/test/${suffix}/${i + 1}` : spec.url,
                publisher: spec.publisher === undefined ? "Test Wire" : spec.publisher,
                type: spec.type ?? "NEWS_REPORT",
                excerpt: spec.excerpt ?? null,
                publishedAt: spec.publishedAt ?? null,
                protected: spec.protected ?? false,
                protectedReason: spec.protectedReason ?? (spec.protected ? "Test: the reporter's safety is at risk." : null),
              },
              select: { id: true, title: true, protected: true },
            });
      sources.push({ ...source, stance: spec.stance });
    }
    if (sources.length)
      await tx.claimSource.createMany({
        data: sourceSpecs.map((spec, i) => ({ claimId: claim.id, sourceId: sources[i]!.id, stance: spec.stance, note: spec.note ?? null })),
      });

    if (overrides.figures?.length)
      await tx.casualtyFigure.createMany({
        data: overrides.figures.map((f) => ({
          claimId: claim.id,
          reportedById: f.reportedById ?? claimant.id,
          sourceId: f.sourceId ?? null,
          population: f.population ?? "UNSPECIFIED",
          outcome: f.outcome ?? "KILLED",
          min: f.min,
          max: f.max,
          reportedAt: f.reportedAt ?? null,
          note: f.note ?? null,
        })),
      });

    if (overrides.links?.length)
      await tx.claimLink.createMany({
        data: overrides.links.map((l) => ({ fromId: claim.id, toId: l.toId, type: l.type, note: l.note ?? null })),
      });

    if (history.length) {
      const start = Date.now() - history.length;
      await tx.statusChange.createMany({
        data: history.map((c, i) => ({
          claimId: claim.id,
          from: c.from,
          to: c.to,
          rationale: c.rationale,
          isCorrection: c.isCorrection ?? false,
          editorId: "editorId" in c ? (c.editorId ?? null) : null,
          createdAt: ("createdAt" in c ? c.createdAt : undefined) ?? new Date(start + i),
        })),
      });
    }

    return { ...claim, claimant, sources };
  });
}

async function testClaimant(tx: Tx, overrides: TestClaimOverrides, suffix: string) {
  const select = { id: true, slug: true, name: true } as const;
  if (overrides.claimantId !== undefined) return tx.actor.findUniqueOrThrow({ where: { id: overrides.claimantId }, select });
  if (overrides.claimantSlug !== undefined) return tx.actor.findUniqueOrThrow({ where: { slug: overrides.claimantSlug }, select });
  return tx.actor.create({
    data: { slug: `t-actor-${suffix}`, name: overrides.claimantName ?? `Test Actor ${suffix}`, kind: "GOVERNMENT", country: "PK" },
    select,
  });
}

export type TestUser = { id: number; email: string; name: string; role: Role; password: string };

/** A user who can sign in with the returned password (argon2id-hashed like any other). */
export async function makeTestUser(
  db: Db,
  overrides: { email?: string; name?: string; role?: Role; password?: string; disabled?: boolean } = {},
): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const password = overrides.password ?? `test-password-${suffix}`;
  const user = await db.user.create({
    data: {
      email: (overrides.email ?? `editor-${suffix}@test.local`).toLowerCase(),
      name: overrides.name ?? `Test Editor ${suffix}`,
      role: overrides.role ?? "EDITOR",
      passwordHash: await hashPassword(password),
      disabledAt: overrides.disabled ? new Date() : null,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password };
}

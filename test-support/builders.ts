import { randomUUID } from "node:crypto";
import type {
  DatePrecision,
  ClaimCategory,
  ClaimKind,
  ClaimStatus,
  LinkType,
  LocationPrecision,
  Outcome,
  Population,
  Role,
  SourceType,
  Stance,
} from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { newSessionToken } from "@/lib/auth/session-token";
import type { Db, Tx } from "@/lib/db/create-client";
import type { StatusStepInput } from "@/prisma/claim-relations";

// Test builders shared by the unit tests (tests/) and the e2e tests (e2e/): unique names on every call, so tests
// never share rows or depend on order. The seed's upserts are in prisma/upserts.ts; a builder may call them, and
// nothing in prisma/ imports from here.

export function uniqueSuffix(): string {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

/** `prefix` and 8 random hex digits, for names a test looks up again ("imp-1a2b3c4d"). */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

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
  /** default: a reason when the figure cites no source, as the figure rule asks (lib/domain/figure-rules.ts) */
  noSourceReason?: string | null;
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
  /** default DAY */
  claimedAtPrecision?: DatePrecision;
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
  /** the ids of the actors the claim is about (docs/decisions/0029-claims-about-actors.md); default none */
  aboutIds?: number[];
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
    overrides.statusHistory ??
    (status === "UNVERIFIED"
      ? []
      : [{ from: "UNVERIFIED" as const, to: status, rationale: statusRationale ?? "Test status change rationale." }]);

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
        claimedAtPrecision: overrides.claimedAtPrecision ?? "DAY",
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
    if (overrides.aboutIds?.length)
      await tx.claimAbout.createMany({ data: overrides.aboutIds.map((actorId) => ({ claimId: claim.id, actorId })) });

    const sources: TestClaim["sources"] = [];
    for (const [i, spec] of sourceSpecs.entries()) {
      const source =
        "sourceId" in spec
          ? await tx.source.findUniqueOrThrow({
              where: { id: spec.sourceId },
              select: { id: true, title: true, protected: true },
            })
          : await tx.source.create({
              data: {
                title: spec.title ?? `Test source ${suffix}-${i + 1}`,
                url: spec.url === undefined ? `https://example.org/test/${suffix}/${i + 1}` : spec.url,
                publisher: spec.publisher === undefined ? "Test Wire" : spec.publisher,
                type: spec.type ?? "NEWS_REPORT",
                excerpt: spec.excerpt ?? null,
                publishedAt: spec.publishedAt ?? null,
                protected: spec.protected ?? false,
                protectedReason:
                  spec.protectedReason ?? (spec.protected ? "Test: the reporter's safety is at risk." : null),
              },
              select: { id: true, title: true, protected: true },
            });
      sources.push({ ...source, stance: spec.stance });
    }
    if (sources.length)
      await tx.claimSource.createMany({
        data: sourceSpecs.map((spec, i) => ({
          claimId: claim.id,
          sourceId: sources[i]!.id,
          stance: spec.stance,
          note: spec.note ?? null,
        })),
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
          noSourceReason:
            f.noSourceReason !== undefined
              ? f.noSourceReason
              : f.sourceId
                ? null
                : "Test figure: given without a document.",
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
  if (overrides.claimantId !== undefined)
    return tx.actor.findUniqueOrThrow({ where: { id: overrides.claimantId }, select });
  if (overrides.claimantSlug !== undefined)
    return tx.actor.findUniqueOrThrow({ where: { slug: overrides.claimantSlug }, select });
  return tx.actor.create({
    data: {
      slug: `t-actor-${suffix}`,
      name: overrides.claimantName ?? `Test Actor ${suffix}`,
      kind: "GOVERNMENT",
      country: "PK",
    },
    select,
  });
}

export type TestIncidentOverrides = {
  title?: string;
  date?: Date;
  datePrecision?: DatePrecision;
  location?: string;
  locationPrecision?: LocationPrecision;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
};

/** An incident with a unique slug and title; attach claims with makeTestClaim({ incidentId }). */
export async function makeTestIncident(
  db: Db,
  overrides: TestIncidentOverrides = {},
): Promise<{ id: number; slug: string; title: string }> {
  const suffix = uniqueSuffix();
  return db.incident.create({
    data: {
      slug: `t-incident-${suffix}`,
      title: overrides.title ?? `Test incident ${suffix}`,
      date: overrides.date ?? new Date("2026-11-18T00:00:00Z"),
      datePrecision: overrides.datePrecision ?? "DAY",
      location: overrides.location ?? "Test district",
      locationPrecision: overrides.locationPrecision ?? "DISTRICT",
      latitude: overrides.latitude ?? null,
      longitude: overrides.longitude ?? null,
      description: overrides.description ?? null,
    },
    select: { id: true, slug: true, title: true },
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

/**
 * An open session for `userId`, made as sign-in makes one (lib/auth/session-token.ts newSessionToken): the
 * database keeps the token's hash; the token is returned for the cookie.
 */
export async function makeTestSession(db: Db, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash, expiresAt } = newSessionToken();
  await db.session.create({ data: { userId, tokenHash, expiresAt }, select: { id: true } });
  return { token, expiresAt };
}

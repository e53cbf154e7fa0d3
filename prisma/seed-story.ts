import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { seedChecklist } from "./seed-checklist";
import { setClaimLinks, upsertActor, upsertClaim, upsertIncident, upsertSource } from "./upserts";
import {
  STORY_ACTORS,
  STORY_CLAIMS,
  STORY_DATE,
  STORY_INCIDENT,
  STORY_RECORDED,
  STORY_SOURCE,
  STORY_SOURCE_FORMER_TITLES,
} from "./seed-data/border-strikes";

// The seed as a function, so tests run it on their own database; prisma/seed.ts is the CLI around it.

export const DEFAULT_ADMIN_EMAIL = "admin@claimwatch.local";

export type SeedOptions = {
  /** default admin@claimwatch.local; stored lower-cased */
  adminEmail?: string;
  /** when unset and the admin does not exist yet, a random password is generated and returned once */
  adminPassword?: string;
  /**
   * false (default): only rows that are missing are created, and existing ones are left alone, because
   * `npm start` seeds on every start and must not undo editors' work on the story's claims.
   * true: existing story rows are brought back to the seed data (a development reset of the story).
   */
  refresh?: boolean;
};

export type SeedCounts = Record<
  | "actors"
  | "incidents"
  | "claims"
  | "sources"
  | "claimSources"
  | "casualtyFigures"
  | "claimLinks"
  | "statusChanges"
  | "users",
  number
>;

export type AdminResult = {
  email: string;
  created: boolean;
  role: Role;
  /** set only when this run created the admin with a generated password */
  generatedPassword: string | null;
};

export type SeedResult = { counts: SeedCounts; admin: AdminResult };

export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  await seedStory(db, { refresh: options.refresh ?? false });
  await seedChecklist(db);
  const admin = await ensureAdmin(db, {
    email: options.adminEmail ?? DEFAULT_ADMIN_EMAIL,
    password: options.adminPassword,
  });
  return { counts: await countRows(db), admin };
}

/** Loads the border-strikes story. Idempotent: every row is upserted by its natural key (slug; title for the article). */
export async function seedStory(db: Db, { refresh }: { refresh: boolean }): Promise<void> {
  const mode = { ifExists: refresh ? "update" : "skip" } as const;
  // Published: the story names all of them, three without a claim of their own (lib/data/reads/public-actor.ts).
  for (const actor of STORY_ACTORS) await upsertActor(db, { ...actor, published: true }, mode);
  // The article's record once carried an invented headline: renamed in place, so its claims keep their source.
  await db.source.updateMany({
    where: { url: null, publisher: null, title: { in: STORY_SOURCE_FORMER_TITLES } },
    data: { title: STORY_SOURCE.title },
  });
  const article = await upsertSource(db, STORY_SOURCE, mode);
  await upsertIncident(db, STORY_INCIDENT, mode);

  // Older seeds dated every claim of the undated article 20 Nov 2026 as if the day were known. A story claim still
  // dated so is moved to the precision UNKNOWN (a version bump, so a form opened before cannot write the old date
  // back); one an editor has re-dated is left alone.
  await db.claim.updateMany({
    where: {
      slug: { in: STORY_CLAIMS.map((c) => c.slug) },
      claimedAt: STORY_DATE,
      claimedAtPrecision: "DAY",
    },
    data: { claimedAt: STORY_RECORDED, claimedAtPrecision: "UNKNOWN", version: { increment: 1 } },
  });

  // Claims first, links second: a link needs both ends to exist and some point at claims listed later.
  const written = new Set<string>();
  for (const { articleStance, articleNote, links: _links, inIncident, ...claim } of STORY_CLAIMS) {
    const status = claim.status ?? "UNVERIFIED";
    const result = await upsertClaim(
      db,
      {
        ...claim,
        // The article gives no date: not a day anyone claimed it, only when it was recorded.
        claimedAt: STORY_RECORDED,
        claimedAtPrecision: "UNKNOWN",
        incident: inIncident ? STORY_INCIDENT.slug : null,
        published: true,
        sources: [{ sourceId: article.id, stance: articleStance, note: articleNote }],
        figures: [], // the article gives no numbers, and the seed does not invent any
        statusHistory:
          status === "UNVERIFIED" ? [] : [{ from: "UNVERIFIED", to: status, rationale: claim.statusRationale ?? "" }],
      },
      mode,
    );
    if (refresh || result.created) written.add(claim.slug);
  }
  for (const claim of STORY_CLAIMS) if (written.has(claim.slug)) await setClaimLinks(db, claim.slug, claim.links ?? []);
}

/**
 * Creates the first admin unless a user with that email exists. An existing account is never changed (not its
 * password, not its role), so re-running the seed cannot lock anyone out or reset a password.
 */
export async function ensureAdmin(db: Db, input: { email: string; password?: string }): Promise<AdminResult> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { role: true } });
  if (existing) return { email, created: false, role: existing.role, generatedPassword: null };

  // 15 random bytes → 20 base64url characters, about 120 bits.
  const generatedPassword = input.password ? null : randomBytes(15).toString("base64url");
  const password = input.password ?? (generatedPassword as string);
  await db.user.create({
    data: { email, name: "Administrator", role: "ADMIN", passwordHash: await hashPassword(password) },
  });
  return { email, created: true, role: "ADMIN", generatedPassword };
}

export async function countRows(db: Db): Promise<SeedCounts> {
  const [actors, incidents, claims, sources, claimSources, casualtyFigures, claimLinks, statusChanges, users] =
    await Promise.all([
      db.actor.count(),
      db.incident.count(),
      db.claim.count(),
      db.source.count(),
      db.claimSource.count(),
      db.casualtyFigure.count(),
      db.claimLink.count(),
      db.statusChange.count(),
      db.user.count(),
    ]);
  return { actors, incidents, claims, sources, claimSources, casualtyFigures, claimLinks, statusChanges, users };
}

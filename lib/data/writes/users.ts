import type { Prisma, Role } from "@/generated/prisma/client";
import { refuse, refuseField, type ActionResult } from "@/lib/actions/result";
import { diffFields, recordAudit } from "@/lib/data/writes/record-audit";
import { generatePassword } from "@/lib/auth/generated-password";
import { hashPassword } from "@/lib/auth/password";
import { accountState, liftLock } from "@/lib/auth/login-attempts";
import type { Db, Tx } from "@/lib/db/create-client";
import { serialiseOn } from "@/lib/db/serialise-on";
import { IDLE_TIMEOUT_MS } from "@/lib/auth/session-token";
import { EMAIL_TAKEN, type ChangeRoleInput, type CreateUserValues } from "@/lib/validation/user";

// Accounts: the admin pages' reads and every account write. Each write runs in one transaction with its
// AuditEvent (changed fields only; never a password or its hash) and answers in the Server Action result shape.

export const USERS_PAGE_SIZE = 50;
const NO_SUCH_ACCOUNT = { userId: ["There is no such account."] };

const openSessions = (now: Date): Prisma.SessionWhereInput => ({
  expiresAt: { gt: now },
  lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
});

const userRowSelect = (now: Date) =>
  ({
    id: true,
    email: true,
    name: true,
    role: true,
    disabledAt: true,
    createdAt: true,
    _count: { select: { sessions: { where: openSessions(now) } } },
  }) satisfies Prisma.UserSelect;

/** Last successful sign-in per email, from the attempts table (sessions are deleted at logout). */
async function lastSignIns(db: Db, emails: string[]): Promise<Map<string, Date>> {
  if (emails.length === 0) return new Map();
  const rows = await db.loginAttempt.groupBy({
    by: ["email"],
    where: { success: true, email: { in: emails } },
    _max: { createdAt: true },
  });
  return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.email, r._max.createdAt] as const] : [])));
}

export async function listUsers(db: Db, { q, page }: { q?: string; page: number }, now: Date = new Date()) {
  const where: Prisma.UserWhereInput = q ? { OR: [{ email: { contains: q } }, { name: { contains: q } }] } : {};
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: userRowSelect(now),
    }),
  ]);
  const signIns = await lastSignIns(
    db,
    rows.map((r) => r.email),
  );
  const users = await Promise.all(
    rows.map(async ({ _count, ...u }) => ({
      ...u,
      openSessions: _count.sessions,
      lastSignIn: signIns.get(u.email) ?? null,
      signInThrottle: await signInThrottle(db, u.email, now),
    })),
  );
  return { total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), users };
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>["users"][number];

export async function getUser(db: Db, id: number, now: Date = new Date()): Promise<UserRow | null> {
  const row = await db.user.findUnique({ where: { id }, select: userRowSelect(now) });
  if (!row) return null;
  const { _count, ...u } = row;
  const signIns = await lastSignIns(db, [u.email]);
  return {
    ...u,
    openSessions: _count.sessions,
    lastSignIn: signIns.get(u.email) ?? null,
    signInThrottle: await signInThrottle(db, u.email, now),
  };
}

/** How unknown clients meet the account's sign-in now (lib/auth/login-attempts.ts): counted failures, and any wait. */
async function signInThrottle(db: Db, email: string, now: Date) {
  const { failures, retryAt } = await accountState(db, email, now);
  return { failures, retryAt };
}

/** An admin lifts an account's sign-in lock: its counted failures stop counting (docs/decisions/0015-sign-in-throttling.md). */
export async function liftSignInLock(db: Db, actorId: number, userId: number, now: Date = new Date()) {
  return db.$transaction(async (tx): Promise<ActionResult<{ failuresLifted: number }>> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
    const count = await liftLock(tx, user.email, now);
    await recordAudit(tx, {
      userId: actorId,
      entity: "User",
      entityId: userId,
      action: "lift-sign-in-lock",
      changes: { failuresLifted: count },
    });
    return { ok: true, data: { failuresLifted: count } };
  });
}

/** Signs a user out everywhere (disable, password reset, "end all sessions"); returns how many sessions ended. */
async function endAllSessions(tx: Tx, userId: number): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}

/**
 * True when the account is an active admin and no other active admin exists. Two admins disabling or demoting each
 * other at once must not both pass: the check runs one at a time until the transaction ends (serialiseOn).
 */
async function isLastActiveAdmin(tx: Tx, user: { id: number; role: Role; disabledAt: Date | null }): Promise<boolean> {
  if (user.role !== "ADMIN" || user.disabledAt) return false;
  await serialiseOn(tx, ["active-admins"]);
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: user.id } } });
  return others === 0;
}

const lockedTarget = { id: true, email: true, role: true, disabledAt: true } satisfies Prisma.UserSelect;

export async function createUser(
  db: Db,
  actorId: number | null,
  values: CreateUserValues,
  via: "admin" | "cli" = "admin",
): Promise<ActionResult<{ id: number; email: string; generatedPassword: string | null }>> {
  const generatedPassword = values.password ? null : generatePassword();
  // Hashing takes tens of milliseconds: done before the transaction so the write lock is held briefly.
  const passwordHash = await hashPassword(values.password ?? generatedPassword ?? "");
  try {
    const user = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: values.email }, select: { id: true } })) return null;
      const created = await tx.user.create({
        data: { email: values.email, name: values.name, role: values.role, passwordHash },
        select: { id: true, email: true },
      });
      await recordAudit(tx, {
        userId: actorId,
        entity: "User",
        entityId: created.id,
        action: "create",
        changes: {
          email: values.email,
          name: values.name,
          role: values.role,
          password: generatedPassword ? "generated" : "typed",
          via,
        },
      });
      return created;
    });
    if (!user) return refuseField("email", EMAIL_TAKEN);
    return { ok: true, data: { ...user, generatedPassword } };
  } catch (error) {
    // Two creations racing for one address: the unique index answers, not a 500.
    if (isUniqueViolation(error)) return refuseField("email", EMAIL_TAKEN);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

/** Disables an account and ends all its sessions in the same transaction, so it is locked out at once. */
export async function disableUser(db: Db, actorId: number, userId: number, now: Date = new Date()) {
  return db.$transaction(async (tx): Promise<ActionResult<{ sessionsEnded: number }>> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: lockedTarget });
    if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
    if (user.disabledAt) return refuse(`${user.email} is already disabled.`);
    if (await isLastActiveAdmin(tx, user)) {
      return refuse(`${user.email} is the last active admin. Make another account an admin before disabling this one.`);
    }
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now }, select: { id: true } });
    const count = await endAllSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      entity: "User",
      entityId: userId,
      action: "disable",
      changes: { disabledAt: [null, now], sessionsEnded: count },
    });
    return { ok: true, data: { sessionsEnded: count } };
  });
}

export async function enableUser(db: Db, actorId: number, userId: number) {
  return db.$transaction(async (tx): Promise<ActionResult> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: lockedTarget });
    if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
    if (!user.disabledAt) return refuse(`${user.email} is already enabled.`);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select: { id: true } });
    await recordAudit(tx, {
      userId: actorId,
      entity: "User",
      entityId: userId,
      action: "enable",
      changes: { disabledAt: [user.disabledAt, null] },
    });
    return { ok: true, data: undefined };
  });
}

export async function changeRole(db: Db, actorId: number, { userId, role }: ChangeRoleInput) {
  return db.$transaction(async (tx): Promise<ActionResult> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: lockedTarget });
    if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
    if (user.role === role)
      return refuse(`${user.email} already has this role.`, { role: ["This is the account's role already."] });
    if (role !== "ADMIN" && (await isLastActiveAdmin(tx, user))) {
      return refuse(
        `${user.email} is the last active admin. Make another account an admin before changing this one's role.`,
      );
    }
    await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
    await recordAudit(tx, {
      userId: actorId,
      entity: "User",
      entityId: userId,
      action: "change-role",
      changes: diffFields({ role: user.role }, { role }),
    });
    return { ok: true, data: undefined };
  });
}

/** A new password (typed, or generated and returned once) and the end of every session the old one opened. */
export async function resetPassword(
  db: Db,
  actorId: number,
  { userId, password }: { userId: number; password?: string | undefined },
) {
  const generatedPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword ?? "");
  return db.$transaction(
    async (tx): Promise<ActionResult<{ generatedPassword: string | null; sessionsEnded: number }>> => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: lockedTarget });
      if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
      await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
      const count = await endAllSessions(tx, userId);
      await recordAudit(tx, {
        userId: actorId,
        entity: "User",
        entityId: userId,
        action: "reset-password",
        changes: { password: generatedPassword ? "generated" : "typed", sessionsEnded: count },
      });
      return { ok: true, data: { generatedPassword, sessionsEnded: count } };
    },
  );
}

export async function endSessions(db: Db, actorId: number, userId: number) {
  return db.$transaction(async (tx): Promise<ActionResult<{ sessionsEnded: number }>> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return refuse("There is no such account.", NO_SUCH_ACCOUNT);
    const count = await endAllSessions(tx, userId);
    await recordAudit(tx, {
      userId: actorId,
      entity: "User",
      entityId: userId,
      action: "end-sessions",
      changes: { sessionsEnded: count },
    });
    return { ok: true, data: { sessionsEnded: count } };
  });
}

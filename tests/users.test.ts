import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/client";
import { FREE_FAILURES, recordLoginAttempt } from "@/lib/auth/login-attempts";
import {
  changeRole,
  createUser,
  disableUser,
  enableUser,
  endSessions,
  getUser,
  liftSignInLock,
  resetPassword,
} from "@/lib/data/writes/users";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { makeTestSession } from "@/test-support/builders";
import { CreateUserSchema, EMAIL_TAKEN } from "@/lib/validation/user";
import { LoginSchema } from "@/lib/validation/login";
import { createTestDb } from "./helpers/test-db";

// One database for the file; the last-admin tests need to know every admin in it, so each test starts with none.
let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
});

async function account(role: Role = "EDITOR") {
  const email = `${randomUUID().slice(0, 8)}@users.test`;
  return db.user.create({ data: { email, name: "T", role, passwordHash: "x" }, select: { id: true, email: true } });
}
const openSession = (userId: number) => makeTestSession(db, userId);
const audits = (entityId: number, action: string) =>
  db.auditEvent.findMany({
    where: { entity: "User", entityId: String(entityId), action },
    select: { userId: true, changes: true },
  });

describe("account validation", () => {
  it("lower-cases and trims the email, and refuses bad values with a message per field", () => {
    expect(
      CreateUserSchema.parse({ email: "  Ann.Lee@Example.ORG ", name: " Ann ", role: "EDITOR", password: "" }),
    ).toEqual({
      email: "ann.lee@example.org",
      name: "Ann",
      role: "EDITOR",
      password: undefined,
    });
    const result = CreateUserSchema.safeParse({ email: "ann", name: "", role: "OWNER", password: "short" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["email", "name", "role", "password"]));
    expect(CreateUserSchema.safeParse({ email: "a@b.co", name: "x".repeat(101), role: "ADMIN" }).success).toBe(false);
    expect(
      CreateUserSchema.safeParse({ email: "a@b.co", name: "A", role: "ADMIN", password: "p".repeat(129) }).success,
    ).toBe(false);
  });

  it("asks an admin for the new account's address, not for their own", () => {
    const result = CreateUserSchema.safeParse({ email: "  ", name: "A", role: "EDITOR" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Enter the new account's email address."]);
    expect(LoginSchema.safeParse({ email: "", password: "long enough pw" }).error?.issues[0]?.message).toBe(
      "Enter your email address.",
    );
  });
});

describe("createUser", () => {
  it("stores a hash of a generated password, returns the password once and audits without it", async () => {
    const admin = await account("ADMIN");
    const values = CreateUserSchema.parse({
      email: `New-${randomUUID().slice(0, 6)}@Users.test`,
      name: "New",
      role: "EDITOR",
    });
    const result = await createUser(db, admin.id, values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const password = result.data.generatedPassword ?? "";
    expect(password).toHaveLength(20);
    const row = await db.user.findUniqueOrThrow({
      where: { id: result.data.id },
      select: { email: true, passwordHash: true },
    });
    expect(row.email).toBe(values.email);
    expect(row.passwordHash).not.toContain(password);
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    const [event] = await audits(result.data.id, "create");
    expect(event?.userId).toBe(admin.id);
    expect(event?.changes).not.toContain(password);
    expect(event?.changes).not.toContain(row.passwordHash);
  });

  it("refuses an email that exists in any letter case, writing nothing", async () => {
    const existing = await account();
    const before = await db.auditEvent.count();
    const values = CreateUserSchema.parse({
      email: existing.email.toUpperCase(),
      name: "Dup",
      role: "EDITOR",
      password: "long enough pw",
    });
    const result = await createUser(db, null, values);
    // One message, at the field and for the whole form (which is what `npm run user:create` prints).
    expect(result).toEqual({ ok: false, fieldErrors: { email: [EMAIL_TAKEN] }, formError: EMAIL_TAKEN });
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("the last active admin", () => {
  it("cannot be disabled or made an editor, not even by themselves", async () => {
    const admin = await account("ADMIN");
    const disable = await disableUser(db, admin.id, admin.id);
    expect(disable).toMatchObject({ ok: false, formError: expect.stringMatching(/last active admin/) as unknown });
    const demote = await changeRole(db, admin.id, { userId: admin.id, role: "EDITOR" });
    expect(demote).toMatchObject({ ok: false, formError: expect.stringMatching(/last active admin/) as unknown });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, disabledAt: true } });
    expect(row).toEqual({ role: "ADMIN", disabledAt: null });
    expect(await audits(admin.id, "disable")).toHaveLength(0);
  });

  it("does not count a disabled admin as another admin", async () => {
    const admin = await account("ADMIN");
    const other = await account("ADMIN");
    expect((await disableUser(db, admin.id, other.id)).ok).toBe(true);
    expect((await changeRole(db, admin.id, { userId: admin.id, role: "EDITOR" })).ok).toBe(false);
  });

  it("can step down once another admin is active", async () => {
    const admin = await account("ADMIN");
    const editor = await account("EDITOR");
    expect((await changeRole(db, admin.id, { userId: editor.id, role: "ADMIN" })).ok).toBe(true);
    expect((await changeRole(db, admin.id, { userId: admin.id, role: "EDITOR" })).ok).toBe(true);
    const [event] = await audits(admin.id, "change-role");
    expect(JSON.parse(event?.changes ?? "{}")).toEqual({ role: ["ADMIN", "EDITOR"] });
  });
});

describe("access changes end sessions in the same write", () => {
  it("disable ends every session; enable lets the account back in", async () => {
    const admin = await account("ADMIN");
    const editor = await account();
    await openSession(editor.id);
    await openSession(editor.id);
    expect(await disableUser(db, admin.id, editor.id)).toEqual({ ok: true, data: { sessionsEnded: 2 } });
    expect(await db.session.count({ where: { userId: editor.id } })).toBe(0);
    expect((await disableUser(db, admin.id, editor.id)).ok).toBe(false);
    expect(await enableUser(db, admin.id, editor.id)).toEqual({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { disabledAt: true } })).toEqual({
      disabledAt: null,
    });
    expect(await audits(editor.id, "disable")).toHaveLength(1);
    expect(await audits(editor.id, "enable")).toHaveLength(1);
  });

  it("a password reset ends sessions and never records the password", async () => {
    const admin = await account("ADMIN");
    const editor = await account();
    await openSession(editor.id);
    const result = await resetPassword(db, admin.id, { userId: editor.id, password: "a typed new password" });
    expect(result).toEqual({ ok: true, data: { generatedPassword: null, sessionsEnded: 1 } });
    const row = await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "a typed new password")).toBe(true);
    const [event] = await audits(editor.id, "reset-password");
    expect(event?.changes).not.toContain("a typed new password");
  });

  it("end-sessions signs an account out everywhere", async () => {
    const admin = await account("ADMIN");
    const editor = await account();
    await openSession(editor.id);
    expect(await endSessions(db, admin.id, editor.id)).toEqual({ ok: true, data: { sessionsEnded: 1 } });
    expect(await db.session.count({ where: { userId: editor.id } })).toBe(0);
  });

  it("answers an unknown account with a field error and writes nothing", async () => {
    const admin = await account("ADMIN");
    const before = await db.auditEvent.count();
    for (const result of [
      await disableUser(db, admin.id, 999_999),
      await enableUser(db, admin.id, 999_999),
      await endSessions(db, admin.id, 999_999),
      await changeRole(db, admin.id, { userId: 999_999, role: "ADMIN" }),
      await resetPassword(db, admin.id, { userId: 999_999 }),
      await liftSignInLock(db, admin.id, 999_999),
    ]) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { userId: ["There is no such account."] } });
    }
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("the sign-in lock on the admin pages", () => {
  it("shows an account's counted failures and wait, and lifting it clears them with an audit event", async () => {
    const admin = await account("ADMIN");
    const editor = await account();
    const now = new Date();
    for (let k = 0; k < FREE_FAILURES + 1; k++)
      await recordLoginAttempt(db, { email: editor.email, ip: `10.9.0.${k}`, success: false, at: now });
    expect((await getUser(db, editor.id, now))?.signInThrottle).toEqual({
      failures: FREE_FAILURES + 1,
      retryAt: new Date(now.getTime() + 2000),
    });
    expect(await liftSignInLock(db, admin.id, editor.id, now)).toEqual({
      ok: true,
      data: { failuresLifted: FREE_FAILURES + 1 },
    });
    expect((await getUser(db, editor.id, now))?.signInThrottle).toEqual({ failures: 0, retryAt: null });
    const [event] = await audits(editor.id, "lift-sign-in-lock");
    expect(event).toEqual({ userId: admin.id, changes: JSON.stringify({ failuresLifted: FREE_FAILURES + 1 }) });
  });
});

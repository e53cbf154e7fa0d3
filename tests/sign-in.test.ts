import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES } from "@/lib/auth/login-attempts";
import { signIn } from "@/lib/auth/sign-in";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/create-client";
import { hashToken } from "@/lib/auth/session-token";
import { createTestDb } from "./helpers/test-db";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup());

const PASSWORD = "a long enough passphrase";
async function account(overrides: { disabledAt?: Date } = {}) {
  const email = `${randomUUID().slice(0, 8)}@signin.test`;
  const user = await db.user.create({
    data: { email, name: "T", passwordHash: await hashPassword(PASSWORD), ...overrides },
    select: { id: true },
  });
  return { id: user.id, email };
}
const ip = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("signIn", () => {
  it("opens a session for the right password and records the attempt and the audit event", async () => {
    const { id, email } = await account();
    const result = await signIn(db, { email, password: PASSWORD, ip: ip() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await db.session.findUnique({
      where: { tokenHash: hashToken(result.token) },
      select: { userId: true },
    });
    expect(session?.userId).toBe(id);
    expect(await db.loginAttempt.findMany({ where: { email }, select: { success: true } })).toEqual([
      { success: true },
    ]);
    const audit = await db.auditEvent.findFirst({
      where: { userId: id, action: "login" },
      select: { entity: true, changes: true },
    });
    expect(audit?.entity).toBe("Session");
    expect(audit?.changes).not.toContain(PASSWORD);
  });

  it("gives the same answer for an unknown email and a wrong password, and never logs the password", async () => {
    const { email } = await account();
    const wrong = await signIn(db, { email, password: "not the password", ip: ip() });
    const unknown = await signIn(db, { email: `nobody-${email}`, password: "not the password", ip: ip() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    const events = await db.auditEvent.findMany({
      where: { action: "login-failed", changes: { contains: email } },
      select: { changes: true },
    });
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.changes).not.toContain("not the password");
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("refuses a disabled account, saying so only to someone with the right password", async () => {
    const { email } = await account({ disabledAt: new Date() });
    expect(await signIn(db, { email, password: "wrong password!", ip: ip() })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signIn(db, { email, password: PASSWORD, ip: ip() })).toEqual({ ok: false, reason: "disabled" });
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("refuses the sixth attempt without checking the password, even the right one", async () => {
    const { email } = await account();
    for (let k = 0; k < MAX_FAILURES; k++) await signIn(db, { email, password: "wrong password!", ip: ip() });
    const result = await signIn(db, { email, password: PASSWORD, ip: ip() });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.loginAttempt.count({ where: { email } })).toBe(MAX_FAILURES + 1);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("lets parallel guesses through no further than the limit", async () => {
    const { email } = await account();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signIn(db, { email, password: "wrong password!", ip: ip() })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(12 - MAX_FAILURES);
  });
});

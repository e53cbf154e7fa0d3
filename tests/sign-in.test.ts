import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FREE_FAILURES } from "@/lib/auth/login-attempts";
import { signDevice, verifyDevice } from "@/lib/auth/device-cookie";
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

  it("makes an unknown client wait after five failures, without checking the password, even the right one", async () => {
    const { email } = await account();
    const now = new Date();
    for (let k = 0; k < FREE_FAILURES; k++) await signIn(db, { email, password: "wrong password!", ip: ip() }, now);
    const result = await signIn(db, { email, password: PASSWORD, ip: ip() }, now);
    expect(result).toEqual({ ok: false, reason: "throttled", retryAt: new Date(now.getTime() + 1000) });
    expect(await db.loginAttempt.count({ where: { email } })).toBe(FREE_FAILURES + 1);
    expect(await db.loginAttempt.count({ where: { email, refused: true } })).toBe(1);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
    // Once the wait is over, the right password works.
    const later = await signIn(db, { email, password: PASSWORD, ip: ip() }, new Date(now.getTime() + 1001));
    expect(later.ok).toBe(true);
  });

  it("lets parallel guesses through no further than the free failures", async () => {
    const { email } = await account();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signIn(db, { email, password: "wrong password!", ip: ip() }, now)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(FREE_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(12 - FREE_FAILURES);
  });
});

describe("signIn with a device cookie", () => {
  it("gives a browser that signed in a device cookie for that account, kept at the next sign-in", async () => {
    const { id, email } = await account();
    const first = await signIn(db, { email, password: PASSWORD, ip: ip() });
    if (!first.ok) throw new Error("sign-in failed");
    const device = verifyDevice(first.deviceCookie);
    expect(device?.userId).toBe(id);
    const second = await signIn(db, { email, password: PASSWORD, ip: ip(), deviceCookie: first.deviceCookie });
    if (!second.ok) throw new Error("sign-in failed");
    expect(verifyDevice(second.deviceCookie)?.deviceId).toBe(device?.deviceId);
  });

  it("lets the real user in while a stranger keeps guessing from rotating addresses and from the same one", async () => {
    const { email } = await account();
    const first = await signIn(db, { email, password: PASSWORD, ip: "203.0.113.5" });
    if (!first.ok) throw new Error("sign-in failed");
    const now = new Date(Date.now() + 1000);
    for (let k = 0; k < 20; k++) {
      const from = k % 2 ? ip() : "203.0.113.5"; // half from a rotating X-Forwarded-For, half from the office NAT
      await signIn(db, { email, password: `guess ${k}!!`, ip: from }, now);
    }
    // A new browser, even with the right password, must wait…
    expect(await signIn(db, { email, password: PASSWORD, ip: "203.0.113.5" }, now)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // …the browser that signed in before does not, from the same address.
    const real = await signIn(
      db,
      { email, password: PASSWORD, ip: "203.0.113.5", deviceCookie: first.deviceCookie },
      now,
    );
    expect(real.ok).toBe(true);
  });

  it("ignores a forged device cookie and one issued to another account", async () => {
    const { email } = await account();
    const other = await account();
    const othersCookie = await signIn(db, { email: other.email, password: PASSWORD, ip: ip() });
    if (!othersCookie.ok) throw new Error("sign-in failed");
    const now = new Date(Date.now() + 1000);
    for (let k = 0; k < 8; k++) await signIn(db, { email, password: `guess ${k}!!`, ip: ip() }, now);
    const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const forged = signDevice({ userId: id, deviceId: "A".repeat(22) }, now, "not the server's key at all, 32+ chars");
    for (const deviceCookie of [othersCookie.deviceCookie, forged, "garbage"]) {
      expect(await signIn(db, { email, password: PASSWORD, ip: ip(), deviceCookie }, now)).toMatchObject({
        reason: "throttled",
      });
    }
  });
});

describe("signIn and the browser's previous session", () => {
  it("ends the session whose cookie the browser presented, with an audit event", async () => {
    const a = await account();
    const b = await account();
    const first = await signIn(db, { email: a.email, password: PASSWORD, ip: ip() });
    if (!first.ok) throw new Error("sign-in failed");
    const second = await signIn(db, {
      email: b.email,
      password: PASSWORD,
      ip: ip(),
      previousSessionToken: first.token,
    });
    expect(second.ok).toBe(true);
    expect(await db.session.count({ where: { tokenHash: hashToken(first.token) } })).toBe(0);
    expect(await db.session.count({ where: { userId: b.id } })).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { userId: a.id, entity: "Session", action: "logout", changes: { contains: "new sign-in" } },
      }),
    ).toBe(1);
  });

  it("leaves the previous session alone when the new sign-in fails", async () => {
    const a = await account();
    const first = await signIn(db, { email: a.email, password: PASSWORD, ip: ip() });
    if (!first.ok) throw new Error("sign-in failed");
    await signIn(db, { email: a.email, password: "wrong password!", ip: ip(), previousSessionToken: first.token });
    expect(await db.session.count({ where: { tokenHash: hashToken(first.token) } })).toBe(1);
  });
});

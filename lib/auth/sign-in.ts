import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/data/writes/record-audit";
import { checkThrottle, recordLoginAttempt, type ThrottleKey } from "@/lib/auth/login-attempts";
import { newDeviceId, signDevice, verifyDevice } from "@/lib/auth/device-cookie";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { TOKEN_MAX } from "@/lib/auth/read-session";
import type { Db } from "@/lib/db/create-client";
import { serialiseOn } from "@/lib/db/serialise-on";
import { hashToken, newSessionToken } from "@/lib/auth/session-token";

// The sign-in decision, apart from cookies and redirects so unit tests can drive it against a real database.

type SignInResult =
  | { ok: true; userId: number; token: string; expiresAt: Date; deviceCookie: string }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAt: Date };

type FailureReason = "unknown-email" | "wrong-password" | "disabled" | "throttled";

export type SignInInput = {
  email: string;
  password: string;
  ip: string;
  /** the device cookie the browser presented, if any (lib/auth/device-cookie.ts) */
  deviceCookie?: string | null;
  /** the session cookie the browser presented, if any: that session ends when a new one starts */
  previousSessionToken?: string | null;
};

// A hash with the same parameters as real ones, of a password nobody knows: an unknown email costs the same
// argon2 time as a known one, so response times do not tell which addresses have accounts.
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}

export async function signIn(db: Db, input: SignInInput, now: Date = new Date()): Promise<SignInResult> {
  const { email, password, ip } = input;
  // Started before anything else, so even the first sign-in of the process does not take longer for one case.
  const dummy = timingDummyHash();
  const presented = verifyDevice(input.deviceCookie, now);
  // Throttle check and the attempt row in one transaction: parallel guesses cannot all slip under the limit,
  // because each one counts as a failure until its password is proven right. The lock on the address and the email
  // makes parallel gates count one after the other on PostgreSQL too.
  const gate = await db.$transaction(async (tx) => {
    await serialiseOn(tx, [`sign-in:email:${email}`, `sign-in:ip:${ip}`]);
    const account = await tx.user.findUnique({ where: { email }, select: { id: true } });
    // A device cookie counts only for the account it was issued to.
    const device = presented && account && presented.userId === account.id ? presented.deviceId : null;
    const throttle = await checkThrottle(tx, { email, ip, device }, now);
    const attemptId = await recordLoginAttempt(tx, {
      email,
      ip,
      device,
      success: false,
      refused: throttle.blocked,
      at: now,
    });
    if (throttle.blocked) await auditFailure(tx, null, { email, ip, reason: "throttled", limitedBy: throttle.by });
    return { throttle, attemptId, device };
  });
  if (gate.throttle.blocked) return { ok: false, reason: "throttled", retryAt: gate.throttle.retryAt };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy), password);

  if (!user || !passwordOk || user.disabledAt) {
    const reason: FailureReason = !user ? "unknown-email" : !passwordOk ? "wrong-password" : "disabled";
    await auditFailure(db, user?.id ?? null, { email, ip, reason });
    // Only someone who typed the right password learns that the account is disabled.
    return { ok: false, reason: reason === "disabled" ? "disabled" : "invalid" };
  }

  const session = newSessionToken(now);
  const previous = input.previousSessionToken;
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: gate.attemptId }, data: { success: true }, select: { id: true } });
    // The browser's previous session ends here, server-side: replacing only the cookie would leave it open for
    // whoever kept a copy of the old token.
    if (previous && previous.length <= TOKEN_MAX) {
      const old = await tx.session.findUnique({
        where: { tokenHash: hashToken(previous) },
        select: { id: true, userId: true },
      });
      if (old) {
        await tx.session.deleteMany({ where: { id: old.id } });
        await recordAudit(tx, {
          userId: old.userId,
          entity: "Session",
          entityId: old.id,
          action: "logout",
          changes: { reason: "new sign-in" },
        });
      }
    }
    const row = await tx.session.create({
      data: {
        tokenHash: session.tokenHash,
        userId: user.id,
        expiresAt: session.expiresAt,
        createdAt: now,
        lastSeenAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, { userId: user.id, entity: "Session", entityId: row.id, action: "login", changes: { ip } });
  });
  const deviceCookie = signDevice({ userId: user.id, deviceId: gate.device ?? newDeviceId() }, now);
  return { ok: true, userId: user.id, token: session.token, expiresAt: session.expiresAt, deviceCookie };
}

async function auditFailure(
  tx: Parameters<typeof recordAudit>[0],
  accountId: number | null,
  changes: { email: string; ip: string; reason: FailureReason; limitedBy?: ThrottleKey },
) {
  // Who tried is unknown, so userId stays null; the account they aimed at (if any) is the entity.
  await recordAudit(tx, {
    userId: null,
    entity: "User",
    entityId: accountId ?? "unknown",
    action: "login-failed",
    changes,
  });
}

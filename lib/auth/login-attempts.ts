import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/create-client";

// Sign-in throttling over the LoginAttempt table (docs/decisions/0015-sign-in-throttling.md). A hard lock that
// anyone can hold open is what this avoids: a stranger without the password must never keep the real user out.
//
// - A browser with a valid device cookie for the account (lib/auth/device-cookie.ts) is counted on its own: only
//   its own failures slow it down. A stranger's guesses, from any address, never touch it.
// - Any other client is counted per account (email) and per IP address. The first FREE_FAILURES failures cost
//   nothing; after them each further attempt must wait 1 s, 2 s, 4 s … (at most MAX_DELAY_MS) after the last one.
//   The later of the two waits applies.
// - An attempt refused by the throttle is recorded (refused) but not counted: waiting, not retrying, is what the
//   message asks for, and retrying early must not make the wait longer.
// - A successful sign-in clears the count it was held to: a device's own, or, from an unknown client, the
//   account's (never the IP's: many people share one address). The real user signing in from a known device does
//   not clear the account's count, which would hand a stranger five fresh free guesses each time. An admin can
//   lift an account's lock (liftLock): its failures stop counting anywhere.

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Failures older than this no longer count. */
export const COUNT_WINDOW_MS = 60 * 60 * 1000;
/** Enough rows to reach MAX_DELAY_MS; counting further changes nothing. */
const COUNT_CAP = 32;

export type ThrottleKey = "account" | "ip" | "device";
export type Throttle = { blocked: false } | { blocked: true; by: ThrottleKey; retryAt: Date };
export type KeyState = { failures: number; lastFailure: Date | null; retryAt: Date | null };

/** How long a client must wait after its last failure, given how many failures count. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES, 30), MAX_DELAY_MS);
}

/** The counted failures of one key and, if it must wait, until when. */
async function keyState(
  tx: DbOrTx,
  failuresWhere: Prisma.LoginAttemptWhereInput,
  successWhere: Prisma.LoginAttemptWhereInput | null,
  now: Date,
): Promise<KeyState> {
  const windowStart = new Date(now.getTime() - COUNT_WINDOW_MS);
  const lastSuccess = successWhere
    ? await tx.loginAttempt.findFirst({
        where: { ...successWhere, success: true, createdAt: { gt: windowStart } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    : null;
  const recent = await tx.loginAttempt.findMany({
    where: {
      ...failuresWhere,
      success: false,
      refused: false,
      liftedAt: null,
      createdAt: { gt: lastSuccess?.createdAt ?? windowStart },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: COUNT_CAP,
    select: { createdAt: true },
  });
  const lastFailure = recent[0]?.createdAt ?? null;
  const delay = delayAfter(recent.length);
  const retryAt = lastFailure && delay > 0 ? new Date(lastFailure.getTime() + delay) : null;
  return { failures: recent.length, lastFailure, retryAt: retryAt && retryAt > now ? retryAt : null };
}

/** The throttle state of an account as unknown clients meet it (shown to admins on /admin/users). */
export function accountState(tx: DbOrTx, email: string, now: Date = new Date()): Promise<KeyState> {
  return keyState(tx, { email, device: null }, { email, device: null }, now);
}

export async function checkThrottle(
  tx: DbOrTx,
  client: { email: string; ip: string; device: string | null },
  now: Date = new Date(),
): Promise<Throttle> {
  const { email, ip, device } = client;
  if (device) {
    const own = await keyState(tx, { device }, { device }, now);
    return own.retryAt ? { blocked: true, by: "device", retryAt: own.retryAt } : { blocked: false };
  }
  const byAccount = (await accountState(tx, email, now)).retryAt;
  const byIp = (await keyState(tx, { ip, device: null }, null, now)).retryAt;
  // Both may hold the client back; the later time is the one that actually lets this attempt through.
  if (byAccount && (!byIp || byAccount >= byIp)) return { blocked: true, by: "account", retryAt: byAccount };
  if (byIp) return { blocked: true, by: "ip", retryAt: byIp };
  return { blocked: false };
}

export async function recordLoginAttempt(
  tx: DbOrTx,
  attempt: { email: string; ip: string; success: boolean; device?: string | null; refused?: boolean; at?: Date },
): Promise<number> {
  const row = await tx.loginAttempt.create({
    data: {
      email: attempt.email,
      ip: attempt.ip,
      success: attempt.success,
      device: attempt.device ?? null,
      refused: attempt.refused ?? false,
      ...(attempt.at ? { createdAt: attempt.at } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** An admin lifts an account's lock: its counted failures stop counting, for the account and for their IPs. */
export async function liftLock(tx: DbOrTx, email: string, now: Date = new Date()): Promise<number> {
  const { count } = await tx.loginAttempt.updateMany({
    where: { email, success: false, refused: false, liftedAt: null },
    data: { liftedAt: now },
  });
  return count;
}

import type { Prisma } from "@/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/create-client";

// Sign-in throttling over the LoginAttempt table: every attempt is recorded, and after MAX_FAILURES failed ones
// for an email or for an IP inside the window, further attempts are refused without checking the password.
// Refused attempts are recorded as failures too, so whoever keeps guessing stays locked out; waiting until the
// time the message names is what opens the door again. A successful sign-in clears the email's count (not the
// IP's: many people can share one address, and one success proves nothing about the others).

export const MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const IP_MAX = 64;

export type Throttle = { blocked: false } | { blocked: true; by: "email" | "ip"; retryAt: Date };

/** When the oldest of the last MAX_FAILURES failures leaves the window, or null if there are fewer. */
async function unblockTime(tx: DbOrTx, where: Prisma.LoginAttemptWhereInput): Promise<Date | null> {
  const recent = await tx.loginAttempt.findMany({
    where: { ...where, success: false },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  const oldest = recent[MAX_FAILURES - 1];
  return oldest ? new Date(oldest.createdAt.getTime() + THROTTLE_WINDOW_MS) : null;
}

export async function checkThrottle(tx: DbOrTx, email: string, ip: string, now: Date = new Date()): Promise<Throttle> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince = lastSuccess?.createdAt ?? windowStart;
  const byEmail = await unblockTime(tx, { email, createdAt: { gt: emailSince } });
  const byIp = await unblockTime(tx, { ip, createdAt: { gt: windowStart } });
  // Both may block; the later time is the one that actually lets this attempt through.
  if (byEmail && (!byIp || byEmail >= byIp)) return { blocked: true, by: "email", retryAt: byEmail };
  if (byIp) return { blocked: true, by: "ip", retryAt: byIp };
  return { blocked: false };
}

export async function recordLoginAttempt(
  tx: DbOrTx,
  attempt: { email: string; ip: string; success: boolean; at?: Date },
): Promise<number> {
  const row = await tx.loginAttempt.create({
    data: {
      email: attempt.email,
      ip: attempt.ip,
      success: attempt.success,
      ...(attempt.at ? { createdAt: attempt.at } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * The client's address as the nearest proxy reports it: the first X-Forwarded-For entry, else X-Real-IP, else
 * "unknown". Next's own server fills X-Forwarded-For with the socket address when no proxy set it. A client can
 * send its own X-Forwarded-For, so in production a reverse proxy must overwrite it (docs/security.md); the
 * per-email limit holds either way.
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = headers.get("x-real-ip")?.trim();
  const ip = forwarded || real || "unknown";
  return ip.slice(0, IP_MAX);
}

import type { Db } from "@/lib/db/create-client";
import { IDLE_TIMEOUT_MS, hashToken } from "@/lib/auth/session-token";

// The one reading of a session token, shared by lib/auth/session.ts (pages, actions) and proxy.ts (page loads), so both
// agree on what an open session is: it exists, is within its absolute and idle timeouts, and its account is
// enabled. Reads only; lib/auth/session.ts deletes dead sessions and records activity.

export const TOKEN_MAX = 200;

export type SessionRead = {
  id: number;
  lastSeenAt: Date;
  /** false when expired, idle too long, or the account is disabled */
  open: boolean;
  user: { id: number; email: string; name: string; role: "ADMIN" | "EDITOR" };
};

export async function readSession(db: Db, token: string, now: Date = new Date()): Promise<SessionRead | null> {
  if (!token || token.length > TOKEN_MAX) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!session) return null;
  const t = now.getTime();
  const expired = session.expiresAt.getTime() <= t || session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= t;
  const { disabledAt, ...user } = session.user;
  return { id: session.id, lastSeenAt: session.lastSeenAt, open: !expired && !disabledAt, user };
}

import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/client";
import type { ActionFailure } from "@/lib/actions/result";
import { recordAudit } from "@/lib/data/writes/record-audit";
import { db } from "@/lib/db/client";
import { TOKEN_MAX, readSession } from "@/lib/auth/read-session";
import { hashToken, secureCookies, sessionCookieName } from "@/lib/auth/session-token";
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName } from "@/lib/auth/device-cookie";

export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, hashToken, sessionCookieName } from "@/lib/auth/session-token";

// Sessions live in the database; the browser holds only a random token, the database only its SHA-256.
// Every private page, layout, Server Action and route handler calls one of the functions below: the proxy's
// redirect of anonymous visitors is a convenience, never the check.

const TOUCH_EVERY_MS = 5 * 60 * 1000; // lastSeenAt is written at most every 5 minutes, not on every request

export type CurrentUser = { id: number; email: string; name: string; role: Role };

/** Hands the browser a token whose session row already exists (the sign-in writes it with its audit event). */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: expiresAt,
  });
}

/**
 * Remembers that this browser signed in to the account (lib/auth/device-cookie.ts). It outlives sessions and
 * sign-out on purpose: it only exempts the browser from strangers' failed guesses, and opens nothing by itself.
 */
export async function setDeviceCookie(value: string): Promise<void> {
  (await cookies()).set(deviceCookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

/** Ends the current browser's session (logout), with its audit event; the cookie goes whether or not it was valid. */
export async function destroySession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token && token.length <= TOKEN_MAX) {
    const client = await db();
    const session = await client.session.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true },
    });
    if (session) {
      await client.$transaction(async (tx) => {
        await tx.session.deleteMany({ where: { id: session.id } });
        await recordAudit(tx, { userId: session.userId, entity: "Session", entityId: session.id, action: "logout" });
      });
    }
  }
  jar.delete(sessionCookieName());
}

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const client = await db();
  const session = await readSession(client, token);
  if (!session) return null;
  if (!session.open) {
    await client.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await client.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return session.user;
});

/** Where to come back to after login: the path proxy.ts recorded for this request, if it is a local one. */
async function currentPath(): Promise<string | null> {
  const path = (await headers()).get("x-claimwatch-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** For private pages and layouts: the user, or a redirect to /login?next=… */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const next = await currentPath();
    redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }
  return user;
}

/** For admin pages: the user if they hold the role, a 403 page if they do not. ADMIN includes EDITOR. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) forbidden();
  return user;
}

export function hasRole(user: CurrentUser, role: Role): boolean {
  return role === "EDITOR" || user.role === "ADMIN";
}

/**
 * For Server Actions and route handlers, which are public POST endpoints: the user, or the refusal to return
 * (never a redirect, so a crafted request gets a plain answer and nothing is written). A route handler answers
 * with `status`; the action runner (lib/actions/run-action.ts) returns the refusal as it is.
 */
export async function authorize(
  role: Role = "EDITOR",
): Promise<{ ok: true; user: CurrentUser } | (ActionFailure & { formError: string; status: 401 | 403 })> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: NOT_SIGNED_IN, status: 401 };
  if (!hasRole(user, role)) return { ok: false, fieldErrors: {}, formError: ADMINS_ONLY, status: 403 };
  return { ok: true, user };
}

const NOT_SIGNED_IN = "You are not signed in, or your session has ended. Sign in and try again.";
const ADMINS_ONLY = "Only an admin can do this.";

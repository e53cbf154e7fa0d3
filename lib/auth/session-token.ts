import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// The pieces of a session that need no request: token, its hash, cookie name and the timeouts. Kept apart from
// lib/auth/session.ts (server-only, reads cookies) so proxy.ts, scripts and unit tests can use them too.

export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000; // 12 h without a request ends a session
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000; // 7 days after login, whatever the activity

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new 256-bit token for the cookie; the database keeps only its hash. */
export function newSessionToken(now: Date = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS) };
}

/** `__Host-` and Secure when the site is served over https (production); plain name on http://localhost. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Host-cw_session" : "cw_session";
}
export function secureCookies(): boolean {
  return env().SITE_URL.startsWith("https://");
}

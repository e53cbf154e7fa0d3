import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import type { Role } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { E2E_DATABASE_URL, E2E_PORT } from "../playwright.config";

// Tests write their own data straight into the e2e database (migrated and seeded by scripts/e2e-server.sh) and
// read it back through the running app. Names are unique per call, so tests never depend on each other.

let client: Promise<Db> | undefined;
export function e2eDb(): Promise<Db> {
  client ??= createPrismaClient(E2E_DATABASE_URL);
  return client;
}

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export const TEST_PASSWORD = "correct horse battery staple";

export async function createUser(role: Role = "EDITOR", overrides: { name?: string; password?: string } = {}) {
  const db = await e2eDb();
  const email = `${unique(role.toLowerCase())}@e2e.test`;
  const password = overrides.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: { email, name: overrides.name ?? `Test ${role.toLowerCase()} ${email.slice(0, 13)}`, role, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password };
}

/**
 * Signs a browser context in without going through the login form (which has tests of its own): a session row
 * with a fresh token, and the cookie the app expects on http://127.0.0.1.
 */
export async function loginAs(context: BrowserContext, role: Role = "EDITOR") {
  const user = await createUser(role);
  const token = randomBytes(32).toString("base64url");
  const db = await e2eDb();
  await db.session.create({
    data: {
      userId: user.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
    },
  });
  await context.addCookies([
    { name: "cw_session", value: token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax", expires: -1 },
  ]);
  return user;
}

export const baseURL = `http://127.0.0.1:${E2E_PORT}`;

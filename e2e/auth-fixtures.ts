import { createHash, randomBytes, randomInt } from "node:crypto";
import { expect as baseExpect, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "@/generated/prisma/client";
import { createUser, e2eDb } from "./db";

// Fixtures for the sign-in and account tests.

const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Every test that signs in through the form gets an address of its own: sign-in is throttled per IP as well as
 * per email, and all browsers here come from 127.0.0.1. The app trusts X-Forwarded-For (docs/security.md).
 */
export async function useOwnIp(context: BrowserContext): Promise<string> {
  const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  return ip;
}

/** A new account with an open session, for requests made without a browser: the Cookie header to send. */
export async function sessionFor(role: Role = "EDITOR") {
  const user = await createUser(role);
  const token = randomBytes(32).toString("base64url");
  const db = await e2eDb();
  await db.session.create({
    data: { userId: user.id, tokenHash: createHash("sha256").update(token).digest("hex"), expiresAt: new Date(Date.now() + 3600_000) },
  });
  return { user, token, cookie: `cw_session=${token}` };
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeEnabled(); // enabled once hydrated
  await submit.click();
}

export async function sessionCookieOf(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "cw_session");
}

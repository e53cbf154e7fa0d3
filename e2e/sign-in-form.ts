import { randomInt } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { sessionCookieName } from "@/lib/auth/session-token";
import { expect as baseExpect } from "./fixtures";

// Signing in through the login form, for the tests of sign-in itself; every other test signs in through a fixture
// (e2e/fixtures.ts).

const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Every test that signs in through the form gets an address of its own: sign-in is throttled per IP as well as
 * per account, and all browsers here come from 127.0.0.1. The e2e server trusts one proxy hop (TRUST_PROXY=1 in
 * playwright.config.ts), so the address written here is the one counted (docs/security.md).
 */
export async function useOwnIp(context: BrowserContext): Promise<string> {
  const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  return ip;
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeEnabled(); // enabled once hydrated
  await submit.click();
}

/** The session cookie the app set in this context, if any. */
export async function sessionCookieOf(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === sessionCookieName());
}

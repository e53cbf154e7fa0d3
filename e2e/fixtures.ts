import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "@/generated/prisma/client";
import { secureCookies, sessionCookieName } from "@/lib/auth/session-token";
import type { Db } from "@/lib/db/create-client";
import { makeTestSession, makeTestUser, type TestUser } from "@/test-support/builders";
import { baseURL, e2eDb } from "./db";

// Every spec takes `test` and `expect` from here. Accounts are new for each test (unique emails, from
// test-support/builders.ts) and are signed in without the login form, which has tests of its own: a session row
// and a cookie made with the product's own functions (lib/auth/session-token.ts), so no test repeats the token
// hashing or the cookie's name. Fixtures are made only when a test asks for them.

export { expect };

/** A new account with an open session; `cookie` is the Cookie header that carries it, for requests without a browser. */
export type SignedInUser = TestUser & { token: string; expiresAt: Date; cookie: string };

/** The Cookie header for a session token, real or forged. */
export const sessionCookieHeader = (token: string) => `${sessionCookieName()}=${token}`;

async function newSignedInUser(db: Db, role: Role): Promise<SignedInUser> {
  const user = await makeTestUser(db, { role });
  const { token, expiresAt } = await makeTestSession(db, user.id);
  return { ...user, token, expiresAt, cookie: sessionCookieHeader(token) };
}

/** The cookie the app sets at sign-in (lib/auth/session.ts setSessionCookie), given to a browser context. */
async function addSessionCookie(context: BrowserContext, user: SignedInUser): Promise<void> {
  const name = sessionCookieName();
  // One session per context: a second cookie of the same name would silently replace the first.
  if ((await context.cookies(baseURL)).some((c) => c.name === name))
    throw new Error("This browser context is signed in already: use secondEditorPage, or loginAs on a new context.");
  await context.addCookies([
    {
      name,
      value: user.token,
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
      secure: secureCookies(),
      expires: Math.floor(user.expiresAt.getTime() / 1000),
    },
  ]);
}

type TestFixtures = {
  /** An editor with an open session (no browser involved); use `editor.cookie` for requests. */
  editor: SignedInUser;
  /** Another editor, for tests of two editors at once. */
  secondEditor: SignedInUser;
  admin: SignedInUser;
  /** The test's own `page` (and `context`), signed in as `editor`. */
  editorPage: Page;
  /** The test's own `page` (and `context`), signed in as `admin`. Ask for editorPage or adminPage, not both. */
  adminPage: Page;
  /** A page in a browser context of its own, signed in as `secondEditor`; closed after the test. */
  secondEditorPage: Page;
  /** Signs a browser context the test made itself in as a new account of `role` (EDITOR unless given). */
  loginAs: (context: BrowserContext, role?: Role) => Promise<SignedInUser>;
};

type WorkerFixtures = {
  /** The e2e database (prisma/e2e.db), migrated and seeded by scripts/e2e-server.sh; the app under test uses it too. */
  db: Db;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a destructuring pattern.
    async ({}, provide) => {
      await provide(await e2eDb());
    },
    { scope: "worker" },
  ],
  editor: async ({ db }, provide) => {
    await provide(await newSignedInUser(db, "EDITOR"));
  },
  secondEditor: async ({ db }, provide) => {
    await provide(await newSignedInUser(db, "EDITOR"));
  },
  admin: async ({ db }, provide) => {
    await provide(await newSignedInUser(db, "ADMIN"));
  },
  editorPage: async ({ page, editor }, provide) => {
    await addSessionCookie(page.context(), editor);
    await provide(page);
  },
  adminPage: async ({ page, admin }, provide) => {
    await addSessionCookie(page.context(), admin);
    await provide(page);
  },
  secondEditorPage: async ({ browser, secondEditor }, provide) => {
    const context = await browser.newContext();
    await addSessionCookie(context, secondEditor);
    await provide(await context.newPage());
    await context.close();
  },
  loginAs: async ({ db }, provide) => {
    await provide(async (context, role = "EDITOR") => {
      const user = await newSignedInUser(db, role);
      await addSessionCookie(context, user);
      return user;
    });
  },
});

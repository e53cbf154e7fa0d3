import { randomInt } from "node:crypto";
import { expect as baseExpect, sessionCookieHeader, test } from "./fixtures";
import { deviceCookieName } from "@/lib/auth/device-cookie";
import { recordLoginAttempt } from "@/lib/auth/login-attempts";
import { hashToken } from "@/lib/auth/session-token";
import { FOREIGN_ORIGIN } from "@/lib/http/same-origin";
import { WRONG_CREDENTIALS } from "@/lib/validation/login";
import { makeTestSession, makeTestUser } from "@/test-support/builders";
import { baseURL } from "./db";
import { actionId, callAction } from "./server-actions";
import { fillSignIn, sessionCookieOf, useOwnIp } from "./sign-in-form";

// Issue 10's lock-out, against the built app: a stranger without the password must not keep the real user out
// (docs/decisions/0015-sign-in-throttling.md); admins see and lift a lock; a sign-in's `next` survives in any
// script; a new sign-in ends the browser's previous session; the Origin check compares the scheme too.

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const TOO_MANY = /^Too many attempts; try again in \d+ seconds?\.$/;
const rotatingIp = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;
const signInId = () => actionId("signInAction", "app/login/actions");

test("a stranger's 20 wrong attempts do not keep the real admin out; the admin sees the lock and lifts it", async ({
  browser,
  request,
  db,
}) => {
  const admin = await makeTestUser(db, { role: "ADMIN" });

  // The real admin signed in from this browser before, and signed out: the browser keeps its device cookie.
  const adminContext = await browser.newContext();
  const office = await useOwnIp(adminContext); // one office NAT address, shared with the stranger below
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/login");
  await fillSignIn(adminPage, admin.email, admin.password);
  await expect(adminPage).toHaveURL("/editor");
  expect((await adminContext.cookies()).some((c) => c.name === deviceCookieName() && c.httpOnly)).toBe(true);
  await adminPage.getByRole("button", { name: "Sign out" }).click();
  await expect(adminPage).toHaveURL("/");

  // The stranger: 20 wrong passwords, half from rotating addresses, half from the admin's own office address.
  const answers: string[] = [];
  for (let k = 0; k < 20; k++) {
    const ip = k % 2 ? rotatingIp() : office;
    const response = await callAction(request, signInId(), [{ email: admin.email, password: `guess number ${k}` }], {
      headers: { "x-forwarded-for": ip },
    });
    expect(response.status, `attempt ${k}`).toBe(200);
    expect(response.headers["set-cookie"], `attempt ${k}`).toBeUndefined();
    const formError = (response.result as { formError?: string }).formError ?? "";
    expect(formError === WRONG_CREDENTIALS || TOO_MANY.test(formError), formError).toBe(true);
    answers.push(formError);
  }
  expect(answers.slice(0, 5)).toEqual(Array(5).fill(WRONG_CREDENTIALS)); // the first five cost nothing
  // However fast this machine made those 20, the wait they left is seconds; ten more failures, as a patient
  // stranger would have spread over the last hour, make it minutes, so nothing below races the clock.
  for (let k = 0; k < 10; k++) await recordLoginAttempt(db, { email: admin.email, ip: rotatingIp(), success: false });

  // A browser that never signed in to the account waits, even with the right password, from the same address…
  const newContext = await browser.newContext();
  await newContext.setExtraHTTPHeaders({ "x-forwarded-for": office });
  const newPage = await newContext.newPage();
  await newPage.goto("/login");
  await fillSignIn(newPage, admin.email, admin.password);
  await expect(newPage.getByRole("alert").filter({ hasText: TOO_MANY })).toBeVisible();
  expect(await sessionCookieOf(newContext)).toBeUndefined();

  // …the real admin's browser signs in at once, from that same address.
  await adminPage.goto("/login?next=/admin/users");
  await fillSignIn(adminPage, admin.email, admin.password);
  await expect(adminPage).toHaveURL("/admin/users");
  expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);

  // The admin sees the lock of the account (here their own), lifts it, and the new browser gets in.
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
  await expect(adminPage.getByTestId("user-row").getByTestId("sign-in-throttle")).toHaveText(
    /^Locked until .+ \(\d+ failed attempts\)$/,
  );
  await adminPage.goto(`/admin/users/${admin.id}`);
  await adminPage.getByRole("button", { name: "Lift lock" }).click();
  await expect(adminPage.getByText(/^Lock lifted: \d+ failed attempts no longer count\.$/)).toBeVisible();
  await expect(adminPage.getByTestId("sign-in-throttle")).toHaveText("No failed attempts");
  expect(await db.auditEvent.count({ where: { userId: admin.id, action: "lift-sign-in-lock" } })).toBe(1);

  await fillSignIn(newPage, admin.email, admin.password);
  await expect(newPage).toHaveURL("/editor");
  await adminContext.close();
  await newContext.close();
});

test("sign-in's next keeps non-Latin-1 paths intact and refuses unsafe ones, before any session exists", async ({
  request,
  db,
}) => {
  const user = await makeTestUser(db, { role: "EDITOR" });
  const signIn = (next: string) =>
    callAction(request, signInId(), [{ email: user.email, password: user.password, next }], {
      headers: { "x-forwarded-for": rotatingIp() },
    });
  const cases: [string, string][] = [
    ["/\u3000/x", "/%E3%80%80/x"],
    ["/é", "/%C3%A9"],
    ["/admin/users?q=José", "/admin/users?q=Jos%C3%A9"],
    ["/.//evil.example", "/editor"],
    ["/lone \ud800 surrogate", "/editor"],
  ];
  for (const [next, target] of cases) {
    const response = await signIn(next);
    expect(response.status, next).toBe(200); // Next answers a Server Action redirect with 200 and x-action-redirect
    expect(response.redirect, next).toBe(target);
  }
  // Every call signed in; the request context kept the cookie, so each sign-in ended the one before.
  expect(await db.auditEvent.count({ where: { userId: user.id, action: "login" } })).toBe(cases.length);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
});

test("a sign-in through the browser lands on a non-Latin-1 next, not on its Latin-1 misreading", async ({
  page,
  context,
  db,
}) => {
  await useOwnIp(context);
  const admin = await makeTestUser(db, { role: "ADMIN" });
  await page.goto(`/login?next=${encodeURIComponent("/admin/users?q=José")}`);
  await fillSignIn(page, admin.email, admin.password);
  await expect(page).toHaveURL("/admin/users?q=Jos%C3%A9");
  await expect(page.getByRole("searchbox")).toHaveValue("José");
});

test("signing in ends the session whose cookie the browser presented, server-side", async ({ request, editor, db }) => {
  const other = await makeTestUser(db, { role: "EDITOR" });
  const response = await callAction(request, signInId(), [{ email: other.email, password: other.password }], {
    cookie: editor.cookie,
    headers: { "x-forwarded-for": rotatingIp() },
  });
  expect(response.redirect).toBe("/editor");
  expect(await db.session.count({ where: { tokenHash: hashToken(editor.token) } })).toBe(0);
  expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
  // The old token opens nothing any more.
  const old = await request.get(`${baseURL}/editor`, {
    headers: { cookie: sessionCookieHeader(editor.token) },
    maxRedirects: 0,
  });
  expect(old.status()).toBe(307);
});

test("the Origin check compares the scheme: an https:// Origin is refused by this http:// site", async ({
  request,
  admin,
  db,
}) => {
  const target = await makeTestUser(db, { role: "EDITOR" });
  await recordLoginAttempt(db, { email: target.email, ip: rotatingIp(), success: false });
  const id = actionId("liftSignInLockAction", "app/admin/users/actions");
  const wrongScheme = baseURL.replace(/^http:/, "https:");
  const lifted = () => db.loginAttempt.count({ where: { email: target.email, liftedAt: { not: null } } });

  const refused = await callAction(request, id, [{ userId: target.id }], {
    path: "/admin/users",
    cookie: admin.cookie,
    origin: wrongScheme,
  });
  expect(refused.status).toBe(200);
  expect(refused.result).toMatchObject({ ok: false, formError: FOREIGN_ORIGIN });
  expect(await lifted()).toBe(0);

  const signIn = await callAction(request, signInId(), [{ email: target.email, password: target.password }], {
    origin: wrongScheme,
    headers: { "x-forwarded-for": rotatingIp() },
  });
  expect(signIn.result).toMatchObject({ ok: false, formError: FOREIGN_ORIGIN });
  expect(signIn.headers["set-cookie"]).toBeUndefined();
  expect(await db.session.count({ where: { userId: target.id } })).toBe(0);

  // Sign-out, the one action outside the runner, ends nothing from the other scheme either.
  const signOutId = actionId("signOutAction", "app/logout/actions");
  const editor = await makeTestUser(db, { role: "EDITOR" });
  const { token } = await makeTestSession(db, editor.id);
  // Posted from the editor's chrome: an editor's POST to an /admin page is the proxy's 403 before any action runs.
  const signOut = await callAction(request, signOutId, [], {
    path: "/editor",
    cookie: sessionCookieHeader(token),
    origin: wrongScheme,
  });
  expect(signOut.redirect).toBe("/");
  expect(await db.session.count({ where: { tokenHash: hashToken(token) } })).toBe(1);

  // The same call from this site's own origin goes through.
  const allowed = await callAction(request, id, [{ userId: target.id }], {
    path: "/admin/users",
    cookie: admin.cookie,
  });
  expect(allowed.result).toMatchObject({ ok: true, data: { failuresLifted: 1 } });
  expect(await lifted()).toBe(1);
});

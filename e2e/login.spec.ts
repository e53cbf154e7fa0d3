import { expect as baseExpect, test } from "./fixtures";
import { recordLoginAttempt } from "@/lib/auth/login-attempts";
import { makeTestUser, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { fillSignIn, sessionCookieOf, useOwnIp } from "./sign-in-form";

// Multi-step flows with argon2 and several page loads: generous limits, so a busy machine slows them, not fails them.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

// Sign-in, sign-out and the guards of the signed-in area, through the browser.

const GENERIC = "Email or password is incorrect.";

test.beforeEach(async ({ context }) => {
  await useOwnIp(context);
});

test("signing in lands on the page asked for, with a new session", async ({ page, context, db }) => {
  const admin = await makeTestUser(db, { role: "ADMIN" });
  const q = unique("q");
  await page.goto(`/admin/users?q=${q}`);
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/admin/users?q=${q}`)}`);
  await expectNoAxeViolations(page);
  await fillSignIn(page, admin.email.toUpperCase(), admin.password); // the email is matched case-insensitively
  await expect(page).toHaveURL(`/admin/users?q=${q}`);
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText(admin.name);
  const cookie = await sessionCookieOf(context);
  expect(cookie?.httpOnly).toBe(true);
  expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: admin.id, entity: "Session", action: "login" } })).toBe(1);
});

test("anonymous visitors of /editor and /admin are sent to sign in, and a signed-in visitor of /login moves on", async ({
  page,
  db,
}) => {
  await page.goto("/editor");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/editor")}`);
  await page.goto("/admin");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/admin")}`);
  const admin = await makeTestUser(db, { role: "ADMIN" });
  await fillSignIn(page, admin.email, admin.password);
  // Back where the visitor was going: /admin is a page of its own (it works without JavaScript).
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await page.goto("/login?next=/admin/audit");
  await expect(page).toHaveURL("/admin/audit");
});

test("an outside address in next is ignored", async ({ page, db }) => {
  const user = await makeTestUser(db, { role: "EDITOR" });
  await page.goto(`/login?next=${encodeURIComponent("//evil.example/")}`);
  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/editor$/);
});

test("a wrong password gets the generic message and no session", async ({ page, context, db }) => {
  const user = await makeTestUser(db, { role: "EDITOR" });
  await page.goto("/login");
  await fillSignIn(page, user.email, "not the right password");
  await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
  await expect(page).toHaveURL("/login");
  expect(await sessionCookieOf(context)).toBeUndefined();
  await expect(page.getByLabel("Email")).toHaveValue(user.email); // what was typed stays
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("an unknown email gets the very same message", async ({ page, context }) => {
  await page.goto("/login");
  await fillSignIn(page, `${unique("nobody")}@e2e.test`, "whatever password");
  await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
  expect(await sessionCookieOf(context)).toBeUndefined();
});

test("the form checks its fields before asking the server", async ({ page }) => {
  await page.goto("/login");
  await fillSignIn(page, "not-an-email", "short");
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByText("A password has at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("after five failures a new browser must wait, even with the right password, and is told for how long", async ({
  page,
  context,
  db,
}) => {
  const user = await makeTestUser(db, { role: "EDITOR" });
  const ip = await useOwnIp(context);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await fillSignIn(page, user.email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
  }
  // Five more guesses, as a stranger elsewhere would make them: the wait is now 32 s, long enough to see here.
  for (let i = 0; i < 5; i++)
    await recordLoginAttempt(db, { email: user.email, ip: `${ip}-elsewhere`, success: false });
  await fillSignIn(page, user.email, user.password);
  await expect(
    page.getByRole("alert").filter({ hasText: /^Too many attempts; try again in (?:[1-9]|[12]\d|3[0-2]) seconds?\.$/ }),
  ).toBeVisible();
  expect(await sessionCookieOf(context)).toBeUndefined();
  expect(await db.loginAttempt.count({ where: { email: user.email, refused: true } })).toBe(1);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
});

test("the limit per address covers different emails", async ({ page, context, db }) => {
  const ip = await useOwnIp(context);
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await fillSignIn(page, `${unique("spray")}@e2e.test`, "guessed password");
    await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
  }
  for (let i = 0; i < 5; i++)
    await recordLoginAttempt(db, { email: `${unique("spray")}@e2e.test`, ip, success: false });
  const user = await makeTestUser(db, { role: "EDITOR" });
  await fillSignIn(page, user.email, user.password);
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many attempts; try again in \d+ seconds?\./ }),
  ).toBeVisible();
});

test("signing out ends the session, and /editor asks to sign in again", async ({
  adminPage: page,
  context,
  admin,
  db,
}) => {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  expect(await sessionCookieOf(context)).toBeUndefined();
  expect(await db.session.count({ where: { userId: admin.id } })).toBe(0);
  expect(await db.auditEvent.count({ where: { userId: admin.id, action: "logout" } })).toBe(1);
  await page.goto("/editor");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/editor")}`);
});

test("signing out works without JavaScript", async ({ browser, loginAs, db }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const admin = await loginAs(context, "ADMIN");
  const page = await context.newPage();
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  expect(await db.session.count({ where: { userId: admin.id } })).toBe(0);
  await context.close();
});

test("a disabled account cannot sign in, and its open session stops working at once", async ({
  adminPage: page,
  browser,
  admin: target,
  loginAs,
  db,
}) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();

  const adminContext = await browser.newContext();
  await loginAs(adminContext, "ADMIN");
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`/admin/users/${target.id}`);
  await adminPage.getByRole("button", { name: "Disable account" }).click();
  await expect(adminPage.getByText("Account disabled; 1 session ended.")).toBeVisible();
  await expect(adminPage.getByTestId("user-status")).toContainText("Disabled since");
  await adminContext.close();

  await page.reload();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/admin/users")}`);
  const disabled = await makeTestUser(db, { disabled: true });
  await fillSignIn(page, disabled.email, disabled.password);
  await expect(
    page.getByRole("alert").filter({ hasText: "This account is disabled. Ask an admin to enable it." }),
  ).toBeVisible();
  await fillSignIn(page, disabled.email, "a wrong password");
  await expect(page.getByRole("alert").filter({ hasText: GENERIC })).toBeVisible();
  expect(await db.session.count({ where: { userId: { in: [target.id, disabled.id] } } })).toBe(0);
});

test("an editor at /admin gets the 403 page", async ({ editorPage: page }) => {
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByRole("link", { name: "Back to the editor" })).toHaveAttribute("href", "/editor");
  await expectNoAxeViolations(page);
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});

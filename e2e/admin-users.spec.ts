import { expect as baseExpect, test } from "./fixtures";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { expectNoAxeViolations } from "./a11y";
import { fillSignIn, sessionCookieOf, useOwnIp } from "./sign-in-form";
import { makeTestUser, unique } from "@/test-support/builders";
import { startIsolatedServer } from "./isolated-server";

// Multi-step flows with argon2 and several page loads: generous limits, so a busy machine slows them, not fails them.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

// Account management at /admin/users, through the browser, as an admin.

test.beforeEach(async ({ context }) => {
  await useOwnIp(context);
});

test("an admin creates an editor with a generated password, shown once, and the editor can sign in", async ({
  adminPage: page,
  browser,
  db,
}) => {
  await page.goto("/admin/users");
  await expectNoAxeViolations(page);
  const email = `${unique("new-editor")}@e2e.test`;
  const form = page.getByRole("form", { name: "Add an account" });
  await expect(form.getByRole("button", { name: "Add account" })).toBeEnabled();
  await form.getByLabel("Email").fill(`  ${email.toUpperCase()} `);
  await form.getByLabel("Name").fill("New Editor <b>bold</b>");
  await form.getByLabel("Role").selectOption("EDITOR");
  await form.getByRole("button", { name: "Add account" }).click();
  const shown = page.getByTestId("generated-password");
  await expect(shown).toBeVisible();
  const password = (await shown.textContent()) ?? "";
  expect(password).toHaveLength(20);

  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, role: true, passwordHash: true },
  });
  expect(user).toMatchObject({ name: "New Editor <b>bold</b>", role: "EDITOR" });
  expect(user.passwordHash).not.toContain(password);
  // The list shows the new account, its name as text, and the password is gone on the next visit.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId("user-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("New Editor <b>bold</b>");
  await expect(row).toContainText("Editor");
  await expect(row).toContainText("Never");
  await expect(page.getByTestId("generated-password")).toHaveCount(0);

  const editorContext = await browser.newContext();
  await useOwnIp(editorContext);
  const editorPage = await editorContext.newPage();
  await editorPage.goto("/login?next=/");
  await fillSignIn(editorPage, email, password);
  await expect(editorPage).toHaveURL("/");
  expect(await sessionCookieOf(editorContext)).toBeDefined();
  await editorPage.goto("/editor");
  await expect(editorPage).toHaveURL(/\/editor$/);
  await editorContext.close();
});

test("creating an account refuses a taken email and bad values, keeping what was typed", async ({
  adminPage: page,
  db,
}) => {
  const existing = await makeTestUser(db, { role: "EDITOR" });
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add an account" });
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(form.getByText("Enter the new account's email address.")).toBeVisible();
  await expect(form.getByText("Enter a name.")).toBeVisible();
  await form.getByLabel("Email").fill(existing.email.toUpperCase());
  await form.getByLabel("Name").fill("Someone");
  await form.getByLabel("Initial password (optional)").fill("short");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(form.getByText("A password has at least 8 characters.")).toBeVisible();
  await form.getByLabel("Initial password (optional)").fill("a long enough password");
  await form.getByRole("button", { name: "Add account" }).click();
  // One message for the form and the field (lib/validation/user.ts, EMAIL_TAKEN), not two different ones.
  await expect(form.getByText("An account with this email address already exists.")).toHaveCount(2);
  await expect(form.getByLabel("Name")).toHaveValue("Someone");
  expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
});

test("resetting a password shows the new one once, ends the sessions, and only the new one works", async ({
  adminPage: page,
  browser,
  loginAs,
  db,
}) => {
  const editorContext = await browser.newContext();
  await useOwnIp(editorContext);
  const editor = await loginAs(editorContext, "EDITOR");
  const editorPage = await editorContext.newPage();
  await editorPage.goto("/editor");
  await expect(editorPage).toHaveURL(/\/editor$/);

  await page.goto(`/admin/users/${editor.id}`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Reset password" }).click();
  const shown = page.getByTestId("generated-password");
  await expect(shown).toBeVisible();
  const password = (await shown.textContent()) ?? "";
  await expect(page.getByText("1 open session was ended.")).toBeVisible();

  await editorPage.goto("/editor");
  await expect(editorPage).toHaveURL(`/login?next=${encodeURIComponent("/editor")}`);
  await fillSignIn(editorPage, editor.email, editor.password);
  await expect(editorPage.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await fillSignIn(editorPage, editor.email, password);
  await expect(editorPage).toHaveURL(/\/editor$/);
  await editorContext.close();

  // A typed password works too, and is never shown back.
  await page.reload();
  await page.getByLabel("New password (optional)").fill("typed by the admin");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("set to the one you typed")).toBeVisible();
  await expect(page.getByTestId("generated-password")).toHaveCount(0);
  const row = await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } });
  expect(await verifyPassword(row.passwordHash, "typed by the admin")).toBe(true);
});

test("ending all sessions signs the account out everywhere", async ({ adminPage: page, browser, loginAs, db }) => {
  const other = await browser.newContext();
  const editor = await loginAs(other, "EDITOR");
  await db.session.create({
    data: { userId: editor.id, tokenHash: unique("second-device"), expiresAt: new Date(Date.now() + 3600_000) },
  });
  await page.goto(`/admin/users/${editor.id}`);
  await expect(page.getByTestId("user-sessions")).toHaveText("2");
  await page.getByRole("button", { name: "End all sessions" }).click();
  await expect(page.getByText("Signed out everywhere: 2 sessions ended.")).toBeVisible();
  await expect(page.getByTestId("user-sessions")).toHaveText("0");
  expect(await db.session.count({ where: { userId: editor.id } })).toBe(0);
  const otherPage = await other.newPage();
  await otherPage.goto("/editor");
  await expect(otherPage).toHaveURL(/\/login\?next=/);
  await other.close();
});

test("an admin changes an editor into an admin, who can then open the admin pages", async ({
  adminPage: page,
  browser,
  loginAs,
}) => {
  const other = await browser.newContext();
  const editor = await loginAs(other, "EDITOR");
  const otherPage = await other.newPage();
  expect((await otherPage.goto("/admin/users"))?.status()).toBe(403);

  await page.goto(`/admin/users/${editor.id}`);
  // Before hydration react-hook-form would reset the choice to the starting value (e2e/admin-audit.spec.ts).
  await expect(page.getByRole("button", { name: "Change role" })).toBeEnabled();
  await page.getByRole("combobox", { name: "Role" }).selectOption("ADMIN");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Role changed to Admin.")).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("Admin");
  expect((await otherPage.goto("/admin/users"))?.status()).toBe(200);
  await expect(otherPage.getByRole("link", { name: "Audit log" })).toBeVisible();
  await other.close();
});

test("an unknown account id shows the not-found page, with a real 404", async ({ adminPage: page }) => {
  for (const id of ["999999999", "99999", "not-a-number", "1e3", "-5", "0"]) {
    const response = await page.goto(`/admin/users/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), id).toHaveText("Page not found");
  }
});

test.describe("the last active admin", () => {
  // Needs a database whose only admin is the one signed in: a server of its own (e2e/isolated-server.ts).
  test.setTimeout(180_000);

  test("cannot be disabled or made an editor, with a clear message", async ({ browser }) => {
    const server = await startIsolatedServer();
    try {
      const admin = await server.db.user.create({
        data: {
          email: "only-admin@e2e.test",
          name: "Only Admin",
          role: "ADMIN",
          passwordHash: await hashPassword("only admin password"),
        },
        select: { id: true },
      });
      const context = await browser.newContext({ baseURL: server.baseURL });
      await useOwnIp(context);
      const page = await context.newPage();
      await page.goto(`/login?next=/admin/users/${admin.id}`);
      await fillSignIn(page, "only-admin@e2e.test", "only admin password");
      await expect(page.getByTestId("user-email")).toHaveText("only-admin@e2e.test");

      await page.getByRole("button", { name: "Disable account" }).click();
      await expect(
        page
          .getByRole("alert")
          .filter({ hasText: "is the last active admin. Make another account an admin before disabling this one." }),
      ).toBeVisible();
      await page.getByRole("combobox", { name: "Role" }).selectOption("EDITOR");
      await page.getByRole("button", { name: "Change role" }).click();
      await expect(
        page.getByRole("alert").filter({
          hasText: "is the last active admin. Make another account an admin before changing this one's role.",
        }),
      ).toBeVisible();

      const row = await server.db.user.findUniqueOrThrow({
        where: { id: admin.id },
        select: { role: true, disabledAt: true },
      });
      expect(row).toEqual({ role: "ADMIN", disabledAt: null });
      expect(await server.db.auditEvent.count({ where: { action: { in: ["disable", "change-role"] } } })).toBe(0);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/admin is a page with the admin sections, not a blank client-side redirect", async ({ adminPage: page }) => {
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    // Every admin page is reached from here, the checklist's (issue 11, item 5) included.
    const main = page.getByRole("main");
    for (const [name, href] of [
      ["Audit log", "/admin/audit"],
      ["Import", "/admin/import"],
      ["Checklist", "/admin/checklist"],
      ["Settings", "/admin/settings"],
      ["About page", "/admin/about"],
    ] as const) {
      await expect(main.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    }
    await main.getByRole("link", { name: "Accounts" }).click();
    await expect(page).toHaveURL("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  });
});

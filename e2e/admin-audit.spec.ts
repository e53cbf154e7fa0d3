import { expect as baseExpect, test } from "./fixtures";
import { expectNoAxeViolations } from "./a11y";
import { makeTestUser, unique } from "@/test-support/builders";

// Multi-step flows with argon2 and several page loads: generous limits, so a busy machine slows them, not fails them.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

// /admin/audit: every account write leaves an event; the filters live in the address.

test("the audit log lists account events newest first, and its filters narrow them", async ({
  adminPage: page,
  admin,
  db,
}) => {
  const editor = await makeTestUser(db, { role: "EDITOR" });

  // Two writes by this admin through the UI: a role change and a password reset.
  await page.goto(`/admin/users/${editor.id}`);
  // A choice made before hydration is reset to the form's starting value when react-hook-form registers the select
  // (then "Editor" is saved): choose once the button is enabled, which it is only after hydration.
  await expect(page.getByRole("button", { name: "Change role" })).toBeEnabled();
  await page.getByRole("combobox", { name: "Role" }).selectOption("ADMIN");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Role changed to Admin.")).toBeVisible();
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByTestId("generated-password")).toBeVisible();
  const password = (await page.getByTestId("generated-password").textContent()) ?? "";

  await page.goto(`/admin/audit?user=${encodeURIComponent(admin.email)}`);
  await expectNoAxeViolations(page);
  await expect(page.getByTestId("audit-count")).toHaveText("2 events match; showing 1–2.");
  const rows = page.getByTestId("audit-row");
  await expect(rows.nth(0)).toContainText("reset-password");
  await expect(rows.nth(0)).toContainText(`User #${editor.id}`);
  await expect(rows.nth(1)).toContainText("change-role");
  // A readable diff, not raw JSON (app/admin/audit/audit-changes.tsx).
  await expect(rows.nth(1).locator("dl.changes")).toHaveText(/^role\s*EDITOR\s*→\s*changed to\s*ADMIN$/);
  await expect(rows.nth(1)).not.toContainText('"EDITOR"');
  await expect(page.locator("body")).not.toContainText(password);

  // The form writes the filters into the address.
  await page.getByLabel("Action").selectOption("change-role");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=change-role/);
  await expect(page).toHaveURL(new RegExp(`user=${encodeURIComponent(admin.email).replace(/\./g, "\\.")}`));
  await expect(page.getByTestId("audit-count")).toHaveText("1 event matches; showing 1–1.");

  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/admin/audit?user=${encodeURIComponent(admin.email)}&entity=User&from=${today}&to=${today}`);
  await expect(page.getByTestId("audit-count")).toHaveText("2 events match; showing 1–2.");
  await page.goto(`/admin/audit?user=${encodeURIComponent(admin.email)}&to=2000-01-01`);
  await expect(page.getByTestId("audit-count")).toHaveText("No events match these filters.");
  await page.goto(`/admin/audit?user=${encodeURIComponent(admin.email)}&entity=Claim`);
  await expect(page.getByTestId("audit-count")).toHaveText("No events match these filters.");
});

test("sign-in events are logged without the password", async ({ adminPage: page, db }) => {
  const email = `${unique("audit-login")}@e2e.test`;
  await db.auditEvent.create({
    data: {
      entity: "User",
      entityId: "unknown",
      action: "login-failed",
      changes: JSON.stringify({ email, ip: "198.18.0.1", reason: "unknown-email" }),
    },
  });
  await page.goto("/admin/audit?entity=User&action=login-failed");
  await expect(page.getByTestId("audit-row").filter({ hasText: email })).toContainText("unknown-email");
  await expect(page.getByTestId("audit-row").filter({ hasText: email })).toContainText("nobody signed in");
});

test("unusable filters are ignored with a notice, never an error", async ({ adminPage: page }) => {
  const response = await page.goto(
    "/admin/audit?entity=%3Cscript%3E&action=DROP%20TABLE&user=nobody&from=2026-02-30&to=later&page=-1",
  );
  expect(response?.status()).toBe(200);
  const notice = page.getByTestId("ignored-params");
  await expect(notice).toContainText("“<script>” is not a kind of record");
  await expect(notice).toContainText("“nobody” is not an email address");
  await expect(notice).toContainText("is not a date");
  await expect(notice).toContainText("Page “-1” does not exist");
  await expect(page.getByTestId("audit-count")).toContainText(/matches|match;/);
  // Far past the last page: said plainly.
  await page.goto("/admin/audit?page=99999");
  await expect(page.getByTestId("audit-count")).toContainText("is past the last page");
});

test("pagination keeps the filters and counts the total", async ({ adminPage: page, db }) => {
  const action = unique("bulk");
  await db.auditEvent.createMany({
    data: Array.from({ length: 55 }, (_, i) => ({ entity: "Import", entityId: String(i), action })),
  });
  await page.goto(`/admin/audit?action=${action}`);
  await expect(page.getByTestId("audit-count")).toHaveText("55 events match; showing 1–50.");
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(`/admin/audit?action=${action}&page=2`);
  await expect(page.getByTestId("audit-count")).toHaveText("55 events match; showing 51–55.");
  await expect(page.getByTestId("audit-row")).toHaveCount(5);
});

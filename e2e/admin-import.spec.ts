import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { expectNoAxeViolations } from "./a11y";
import { badJson, footprint, goodJson, importCase } from "./import-files";

// /admin/import through the browser, as an admin: a bad file is refused with every problem listed and nothing
// written; a good file is imported and its claims are on the reader pages at once.

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

/** Chooses the file (a path for one too big to hand over as a buffer) and submits the form. */
async function upload(page: Page, name: string, file: Buffer | string, options: { dryRun?: boolean } = {}) {
  const form = page.getByRole("form", { name: "Upload a file" });
  const input = form.getByLabel("File (.json or .csv)");
  if (typeof file === "string") await input.setInputFiles(file);
  else
    await input.setInputFiles({
      name,
      mimeType: name.endsWith(".csv") ? "text/csv" : "application/json",
      buffer: file,
    });
  await form.getByLabel("Dry run").setChecked(options.dryRun ?? false);
  const submit = form.getByRole("button", { name: options.dryRun ? "Check file" : "Import" });
  // Before hydration a click would post the form without JavaScript (the last test covers that path).
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await submit.click();
}

test("a bad file: every problem with its line and field, nothing written; then the good file is imported and readers see it", async ({
  adminPage: page,
  db,
}) => {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import claims");
  await expectNoAxeViolations(page);

  const c = importCase();
  await upload(page, "bad.json", badJson(c));
  await expect(
    page.getByRole("alert").filter({ hasText: "3 problems in bad.json: nothing was imported." }),
  ).toBeVisible();
  const issues = page.getByTestId("import-issues").getByRole("listitem");
  await expect(issues).toHaveCount(3);
  await expect(issues.nth(0)).toContainText(
    /Line \d+\s*sources\[0\]\.url The address must be a full web address starting with https:\/\/ or http:\/\//,
  );
  await expect(issues.nth(1)).toContainText(
    /Line \d+\s*claims\[0\]\.figures\[0\]\.max The highest figure cannot be below the lowest \(30\)/,
  );
  await expect(issues.nth(2)).toContainText(
    `claims[1].links[0].to no claim “${c.prefix}-nowhere” in this file or in the database.`,
  );
  await expectNoAxeViolations(page);
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });

  await upload(page, "good.json", goodJson(c));
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("good.json was imported (4 records)");
  await expect(page.getByTestId("count-claims")).toContainText(/Claims\s*2\s*0\s*0/);
  await expect(page.getByTestId("import-issues")).toHaveCount(0);
  expect(await footprint(c)).toEqual({ actors: 1, claims: 2, sources: 1 });

  // The reader list, filtered to the new actor, and the claim page with its denial.
  await page.goto(`/claims?actor=${c.actor}`);
  const list = page.getByRole("list", { name: "Claims" });
  await expect(list.getByRole("link", { name: c.statements[0] })).toBeVisible();
  await expect(list.getByRole("link", { name: c.statements[1] })).toBeVisible();
  await page.goto(`/claims/${c.claims[0]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.statements[0]!);
  await expect(page.getByText(c.statements[1]!)).toBeVisible();

  // Who imported it is in the audit log.
  const summary = await db.auditEvent.findFirst({
    where: { entity: "Import", changes: { contains: "good.json" } },
    orderBy: { id: "desc" },
    select: { userId: true },
  });
  expect(summary?.userId).toEqual(expect.any(Number));
});

test("a dry run reports the changes and writes nothing; a CSV in Latin-1 is refused with a clear message", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/import");
  const c = importCase();
  await upload(page, "check.json", goodJson(c), { dryRun: true });
  await expect(page.getByRole("heading", { name: "Dry run: nothing was written" })).toBeVisible();
  await expect(page.getByTestId("count-claims")).toContainText(/Claims\s*2\s*0\s*0/);
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });

  const header =
    "slug,statement,originalText,originalLanguage,category,kind,claimant,claimedAt,location,status,statusRationale,published\n";
  const latin1 = Buffer.concat([
    Buffer.from(`${header}${c.claims[0]},Caf`),
    Buffer.from([0xe9]),
    Buffer.from(",,,OTHER,FACT,x,2026-11-20,,,,false\n"),
  ]);
  await upload(page, "latin1.csv", latin1);
  await expect(page.getByTestId("import-issues")).toContainText("The file is not valid UTF-8 (line 2");
  await expect(page.getByTestId("import-issues")).toContainText("Save it as UTF-8");
  expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });
});

test("a file over 50 MB is refused in the form before it is sent", async ({ adminPage: page }, testInfo) => {
  await page.goto("/admin/import");
  let posted = false;
  page.on("request", (r) => {
    if (r.method() === "POST") posted = true;
  });
  const huge = testInfo.outputPath("huge.json");
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 32));
  await upload(page, "huge.json", huge);
  await expect(
    page.getByText("The file is larger than 50 MB. Split it, or import it on the server with npm run db:import."),
  ).toBeVisible();
  await expect(page.getByLabel("File (.json or .csv)")).toHaveAttribute("aria-invalid", "true");
  expect(posted).toBe(false);
});

test("an editor gets the 403 page at /admin/import", async ({ editorPage: page }) => {
  const response = await page.goto("/admin/import");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("form", { name: "Upload a file" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts the file to the upload route and the answer is a page with every problem, then the import", async ({
    adminPage: page,
  }) => {
    await page.goto("/admin/import");
    const c = importCase();
    const form = page.getByRole("form", { name: "Upload a file" });
    await form.getByLabel("File (.json or .csv)").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: badJson(c),
    });
    await form.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/admin\/import\/upload$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing was imported");
    await expect(page.getByRole("alert")).toHaveText("3 problems in bad.json: nothing was imported.");
    await expect(page.getByTestId("import-issues").getByRole("listitem")).toHaveCount(3);
    await expect(page.getByTestId("import-issues").getByRole("listitem").first()).toContainText(
      /Line \d+ sources\[0\]\.url/,
    );
    expect(await footprint(c)).toEqual({ actors: 0, claims: 0, sources: 0 });

    await page.getByRole("link", { name: "Back to the import" }).click();
    await form.getByLabel("File (.json or .csv)").setInputFiles({
      name: "good.json",
      mimeType: "application/json",
      buffer: goodJson(c),
    });
    await form.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imported");
    await expect(page.getByRole("status")).toContainText("good.json was imported (4 records)");
    expect(await footprint(c)).toEqual({ actors: 1, claims: 2, sources: 1 });
  });
});

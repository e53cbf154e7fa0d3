import { randomInt } from "node:crypto";
import { makeTestClaim, uniqueSuffix } from "@/test-support/builders";
import { RATE_LIMIT_DEFAULT } from "@/lib/domain/correction-request-rules";
import { expect, test } from "./fixtures";

// Issue 12, item 8: /about edited by an admin and rendered without raw HTML or unsafe links; "Request a correction"
// on every published claim page, posted without JavaScript, refused with a clear answer (empty, 100 KB, over the
// per-address limit) and answered by an editor from "My work". Each test posts from an address of its own
// (X-Forwarded-For; the e2e server trusts one proxy, playwright.config.ts), so the per-address limit of one test
// never holds back another.

const ownIp = () => `198.19.${randomInt(256)}.${randomInt(1, 255)}`;

test("a reader without JavaScript requests a correction; an editor finds it in My work and declines, then accepts", async ({
  browser,
  db,
  editorPage,
}) => {
  const claim = await makeTestClaim(db, { statement: `Correction probe ${uniqueSuffix()}: the bridge was hit.` });
  const reader = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": ownIp() },
  });
  const page = await reader.newPage();
  const message = `The bridge was hit on Tuesday, not Monday ${uniqueSuffix()}.`;
  for (const [text, name] of [
    [message, "Sana Reader"],
    [`${message} (second)`, ""],
  ] as const) {
    await page.goto(`/claims/${claim.slug}`);
    const form = page.getByTestId("correction-request");
    await form.getByLabel("What should be corrected? (required)").fill(text);
    await form.getByLabel("Your name (optional)").fill(name);
    await form.getByRole("button", { name: "Send the request" }).click();
    await expect(page).toHaveURL(/\/correction-requested$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your request was received");
  }
  await reader.close();

  await editorPage.goto("/editor");
  const section = editorPage.getByTestId("work-corrections");
  await expect(section.getByText(message, { exact: false }).first()).toBeVisible();
  await section
    .getByRole("listitem")
    .filter({ hasText: message })
    .getByRole("link", { name: /Sana Reader/ })
    .click();
  await expect(editorPage).toHaveURL(/\/editor\/corrections\/\d+$/);
  await expect(editorPage.getByTestId("correction-request-state")).toHaveText("Open");
  await expect(editorPage.getByTestId("correction-request-detail").getByText(message)).toBeVisible();
  const decline = editorPage.getByRole("form", { name: "Decline the request" });
  await decline.getByLabel("Reason").fill("short");
  await decline.getByRole("button", { name: "Decline the request" }).click();
  await expect(decline.getByText("Say why in at least 10 characters.")).toBeVisible();
  await decline.getByLabel("Reason").fill("The reports cited say Monday; we keep the date.");
  await decline.getByRole("button", { name: "Decline the request" }).click();
  await expect(editorPage.getByTestId("correction-request-answer")).toContainText("Declined by");
  await expect(editorPage.getByTestId("correction-request-answer")).toContainText("we keep the date");

  await editorPage.goto("/editor");
  // Other tests' requests are open too: pick this test's own by its message.
  await section
    .getByRole("listitem")
    .filter({ hasText: `${message} (second)` })
    .getByRole("link", { name: /Request from an anonymous reader/ })
    .click();
  await expect(editorPage).toHaveURL(/\/editor\/corrections\/\d+$/);
  const accept = editorPage.getByRole("form", { name: "Accept the request" });
  await accept.getByLabel("Or a link to the correction").fill("https://claimwatch.example/corrections");
  await accept.getByRole("button", { name: "Accept the request" }).click();
  await expect(editorPage.getByTestId("correction-request-answer")).toContainText("Accepted by");

  const rows = await db.correctionRequest.findMany({
    where: { claimId: claim.id },
    orderBy: { id: "asc" },
    select: { state: true, name: true, correctionUrl: true, answer: true },
  });
  expect(rows).toEqual([
    {
      state: "DECLINED",
      name: "Sana Reader",
      correctionUrl: null,
      answer: "The reports cited say Monday; we keep the date.",
    },
    { state: "ACCEPTED", name: null, correctionUrl: "https://claimwatch.example/corrections", answer: null },
  ]);
  const ids = await db.correctionRequest.findMany({ where: { claimId: claim.id }, select: { id: true } });
  const audited = await db.auditEvent.findMany({
    where: { entity: "CorrectionRequest", entityId: { in: ids.map((r) => String(r.id)) } },
    select: { action: true },
    orderBy: { id: "asc" },
  });
  expect(audited.map((a) => a.action)).toEqual(["decline", "accept"]);
});

test("refusals write nothing: the honeypot, an empty or 100 KB message, and the 20 posts a minute from one address", async ({
  request,
  db,
  baseURL,
}) => {
  const claim = await makeTestClaim(db);
  const ip = ownIp();
  const post = (form: Record<string, string>) =>
    request.post(`/claims/${claim.slug}/correction-request`, {
      form,
      headers: { Origin: baseURL!, "x-forwarded-for": ip },
      maxRedirects: 0,
    });
  const stored = () => db.correctionRequest.count({ where: { claimId: claim.id } });

  // The honeypot pretends success and stores nothing.
  const bot = await post({ message: "Buy now", website: "https://spam.example" });
  expect(bot.status()).toBe(303);
  expect(bot.headers().location).toBe("/correction-requested");
  expect(await stored()).toBe(0);

  const empty = await post({ message: "   " });
  expect(empty.status()).toBe(422);
  expect(await empty.text()).toContain("Your message is required.");
  const huge = await post({ message: "x".repeat(100_000) });
  expect(huge.status()).toBe(422);
  expect(await huge.text()).toContain("Your message is limited to 5000 characters.");
  expect(await stored()).toBe(0);

  // From another site: refused before anything is read.
  const foreign = await request.post(`/claims/${claim.slug}/correction-request`, {
    form: { message: "hello" },
    headers: { Origin: "https://evil.example", "x-forwarded-for": ip },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);

  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await post({ message: `Request number ${i}` })).status());
  expect(statuses).toEqual([
    ...Array<number>(RATE_LIMIT_DEFAULT).fill(303),
    ...Array<number>(20 - RATE_LIMIT_DEFAULT).fill(429),
  ]);
  const limited = await post({ message: "one more" });
  expect(limited.headers()["retry-after"]).toBe("600");
  expect(await limited.text()).toContain("Too many requests from your address");
  expect(await stored()).toBe(RATE_LIMIT_DEFAULT);

  // A draft's address takes no request.
  const draft = await makeTestClaim(db, { published: false });
  const onDraft = await request.post(`/claims/${draft.slug}/correction-request`, {
    form: { message: "hello" },
    headers: { Origin: baseURL!, "x-forwarded-for": ownIp() },
    maxRedirects: 0,
  });
  expect(onDraft.status()).toBe(404);
  expect(await db.correctionRequest.count({ where: { claimId: draft.id } })).toBe(0);
});

test("/about shows the admin's Markdown, with no script, raw HTML or javascript: link", async ({
  adminPage,
  browser,
}) => {
  const mark = `about${uniqueSuffix()}`;
  await adminPage.goto("/admin/about");
  const form = adminPage.getByRole("form", { name: "About page text" });
  await form
    .getByLabel("Text of /about (Markdown)")
    .fill(
      [
        `## Publisher ${mark}`,
        "",
        "<script>window.__pwned = 1</script>",
        '<img src=x onerror="window.__pwned = 2">',
        "[call us](javascript:window.__pwned=3) [data](data:text/html,hi) [funding](https://funder.example/report)",
      ].join("\n"),
    );
  await form.getByRole("button", { name: "Save the text" }).click();
  await expect(form.getByText("Saved: readers see the new text now.")).toBeVisible();

  const reader = await browser.newContext();
  const page = await reader.newPage();
  const response = await page.goto("/about");
  expect(response?.status()).toBe(200);
  const about = page.getByTestId("about-text");
  await expect(about.getByRole("heading", { name: `Publisher ${mark}` })).toBeVisible();
  await expect(about.locator("script, img, iframe")).toHaveCount(0);
  await expect(about.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0);
  await expect(about.getByRole("link", { name: "funding" })).toHaveAttribute("href", "https://funder.example/report");
  await expect(about).toContainText("<script>window.__pwned = 1</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Linked from every reader page's footer.
  await page.goto("/methodology");
  await page.getByRole("contentinfo").getByRole("link", { name: "Who publishes Claimwatch" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await reader.close();
});

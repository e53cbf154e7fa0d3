import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";
import { E2E_DATABASE_URL, E2E_REVALIDATE_SECRET } from "../playwright.config";
import { unique } from "@/test-support/builders";
import { baseURL } from "./db";
import { goodJson, importCase } from "./import-files";

// `npm run db:import` writes in its own process, so it cannot invalidate the server's page cache itself; with
// REVALIDATE_SECRET set it asks the running server to (app/api/revalidate/route.ts), and readers see the import on
// their next request instead of within the cache lifetime.

const run = promisify(execFile);

test("a CLI import into the running server is visible at once when the revalidation secret is set", async ({
  request,
}) => {
  // Served from the page cache before the import. Specs running beside this one write claims and so expire these
  // pages now and then: ask until a request is answered from the cache.
  for (const p of ["/actors", "/"]) {
    await expect
      .poll(async () => (await request.get(p)).headers()["x-nextjs-cache"], { message: p, timeout: 15_000 })
      .toMatch(/HIT|STALE/);
  }
  const c = importCase();
  const file = path.resolve(`tmp/${unique("cli-import")}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, goodJson(c));
  try {
    const env = {
      ...process.env,
      DATABASE_URL: E2E_DATABASE_URL,
      REVALIDATE_SECRET: E2E_REVALIDATE_SECRET,
      REVALIDATE_URL: baseURL,
    };
    const { stdout } = await run("npx", ["tsx", "scripts/db-import.ts", file], { env });
    expect(stdout).toContain("refreshed its page cache");
  } finally {
    fs.rmSync(file, { force: true });
  }
  expect(await (await request.get("/actors")).text()).toContain(`Ministry ${c.prefix}`);
  expect(await (await request.get("/")).text()).toContain(c.statements[1]);
});

test("the revalidation endpoint refuses a wrong or missing secret", async ({ request }) => {
  for (const headers of [{}, { authorization: "Bearer wrong-secret-of-some-length-0123456789" }] as Record<
    string,
    string
  >[]) {
    const response = await request.post("/api/revalidate", { headers });
    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toContain("no-store");
  }
  expect(
    (await request.post("/api/revalidate", { headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` } })).status(),
  ).toBe(200);
});

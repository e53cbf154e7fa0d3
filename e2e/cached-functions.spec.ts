import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { E2E_REVALIDATE_SECRET } from "../playwright.config";
import { makeTestClaim, uniqueSuffix } from "@/test-support/builders";
import { PAGE_SIZE } from "@/lib/validation/claim-filters";
import { callAction } from "./server-actions";

// Issue 10, item 1: every 'use cache' function is a server reference, callable by anyone with a POST carrying
// `Next-Action: <id>` and any JSON as its arguments (docs/decisions/0014-cached-functions-parse-their-arguments.md).
// The ids come from this build's manifest, so a cached function added later is probed too.

/** The sitemap's read answers with every public URL whatever it is given (lib/data/entry-points/sitemap.ts). */
const SITEMAP_MODULE = "lib/data/entry-points/sitemap.ts";

function cachedFunctions(): { id: string; filename: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node)
    .filter(([, e]) => e.exportedName?.startsWith("$$RSC_SERVER_CACHE"))
    .map(([id, e]) => ({ id, filename: e.filename ?? "" }));
}

test("hostile arguments to every cached function: no 5xx, at most one page, no operator reaches the database", async ({
  request,
  db,
}) => {
  test.setTimeout(120_000);
  const all = cachedFunctions();
  const ids = all.filter((f) => f.filename !== SITEMAP_MODULE).map((f) => f.id);
  const sitemapIds = all.filter((f) => f.filename === SITEMAP_MODULE).map((f) => f.id);
  expect(sitemapIds).toHaveLength(1);
  // readClaimList, readClaim, readSimilarClaims, readDashboard, readActors, readActor, readActorProfile,
  // readCorrections, readFeedChanges, readReviewRequired (lib/data/entry-points/reader.ts)
  expect(ids.length).toBeGreaterThanOrEqual(10);

  // A claim only an operator could find: its slug holds a second marker that no argument names. Made first, so the
  // probe's claims push it out of the home page's recent list.
  const hidden = `cfslug${uniqueSuffix()}`;
  await makeTestClaim(db, {
    slug: `x-${hidden}`,
    statement: `Probe ${uniqueSuffix()}.`,
    claimedAt: new Date("2001-01-01T00:00:00Z"),
    publishedAt: new Date("2001-01-01T00:00:00Z"),
  });
  // More published claims than one page holds, all newer than anything else, each with the marker in its statement.
  const mark = `cf${uniqueSuffix()}`;
  for (let i = 0; i < PAGE_SIZE + 5; i++) await makeTestClaim(db, { statement: `Probe ${mark} number ${i}.` });
  // Written straight into the database: refresh the reader tag as the import CLI does.
  const refreshed = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
  });
  expect(refreshed.status()).toBe(200);

  const bodies = [
    '[{"page":1,"sort":"newest"},20000]',
    '[{"page":1,"sort":"newest"},-1]',
    '[{"contains":"a"}]',
    `[{"contains":"${hidden}"}]`,
    `[{"endsWith":"${hidden}"}]`,
    '[{"page":-5,"sort":"newest"}]',
    "[-5]",
    '[{"status":{"not":"X"},"page":1,"sort":"newest"}]',
    '[{"actor":{"contains":"a"},"page":1,"sort":"newest"}]',
    '[{"q":{"search":"a"},"page":1,"sort":"newest"}]',
    '[{"page":1e9,"sort":"newest"}]',
    "[null]",
    "[]",
  ];
  const failures: string[] = [];
  for (const id of ids) {
    for (const body of bodies) {
      const response = await callAction(request, id, [], { path: "/", body });
      const where = `${id.slice(0, 8)} ${body}`;
      if (response.status >= 500) failures.push(`${where}: ${response.status}`);
      const marks = response.body.split(mark).length - 1;
      if (marks > PAGE_SIZE) failures.push(`${where}: ${marks} claims of the probe, more than a page`);
      if (response.body.length > 64_000) failures.push(`${where}: ${response.body.length} bytes`);
      if (response.body.includes(hidden) && !body.includes(hidden)) failures.push(`${where}: found ${hidden}`);
      if (body.includes(hidden) && response.body.split(hidden).length - 1 > 0)
        failures.push(`${where}: an operator found the claim`);
    }
  }
  // The sitemap's read lists every published claim, the hidden one included, as /sitemap.xml does; whatever it is
  // sent, it never answers with a 5xx or a draft.
  const draft = `cfdraft${uniqueSuffix()}`;
  await makeTestClaim(db, { slug: `x-${draft}`, statement: `Draft ${draft}.`, published: false });
  for (const id of sitemapIds) {
    for (const body of [...bodies, `[{"contains":"${draft}"}]`]) {
      const response = await callAction(request, id, [], { path: "/", body });
      if (response.status >= 500) failures.push(`sitemap ${body}: ${response.status}`);
      if (response.body.includes(draft)) failures.push(`sitemap ${body}: a draft`);
    }
  }
  expect(failures).toEqual([]);

  // The same functions still answer what a page passes: the guard refuses only what pages never send.
  const lists = await Promise.all(
    ids.map((id) => callAction(request, id, [], { path: "/", body: `[{"q":"${mark}","sort":"newest","page":1},20]` })),
  );
  expect(lists.some((r) => r.status === 200 && r.body.split(mark).length - 1 >= PAGE_SIZE)).toBe(true);
});

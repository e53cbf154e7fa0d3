import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { makeTestClaim, makeTestIncident, unique } from "@/test-support/builders";
import { expectNoAxeViolations } from "./a11y";
import { refreshReaderCache } from "./reader-cache";

// Incidents (issue 12, item 1; docs/decisions/0026-incidents.md): every reporter's figures side by side, drafts never
// shown, the list's filters in the address (without JavaScript too), the editor's forms refusing bad input at the
// field, real 404s and the incident's Atom feed.

/** The browser's own XML parser: a well-formedness error yields a <parsererror> document. */
async function parseAtom(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const ns = "http://www.w3.org/2005/Atom";
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.localName,
      titles: [...doc.getElementsByTagNameNS(ns, "entry")].map(
        (e) => e.getElementsByTagNameNS(ns, "title")[0]?.textContent ?? "",
      ),
    };
  }, xml);
}

test("three reporters' figures side by side with the spread; drafts attached never shown; the feed parses", async ({
  page,
  db,
  request,
}) => {
  test.setTimeout(60_000);
  const marker = unique("inc");
  const draftMarker = unique("draft-inc");
  const incident = await makeTestIncident(db, {
    title: `Strike on a market (${marker})`,
    latitude: 32.71,
    longitude: 69.21,
    location: "Barmal district",
  });
  const civilians = (min: number, max: number) => [
    { population: "CIVILIANS" as const, outcome: "KILLED" as const, min, max },
  ];
  const a = await makeTestClaim(db, {
    incidentId: incident.id,
    claimantName: `Ministry A ${marker}`,
    statement: `Three to five civilians died (${marker})`,
    figures: civilians(3, 5),
  });
  const b = await makeTestClaim(db, {
    incidentId: incident.id,
    claimantName: `Hospital B ${marker}`,
    statement: `Forty civilians died (${marker})`,
    figures: civilians(40, 40),
  });
  const c = await makeTestClaim(db, {
    incidentId: incident.id,
    claimantName: `Monitor C ${marker}`,
    statement: `Ten to twelve civilians died (${marker})`,
    figures: civilians(10, 12),
  });
  await makeTestClaim(db, {
    incidentId: incident.id,
    published: false,
    claimantName: `Draft reporter ${draftMarker}`,
    statement: `Draft claim ${draftMarker}`,
    figures: civilians(900, 999),
  });
  await refreshReaderCache(request);

  const response = await page.goto(`/incidents/${incident.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(incident.title);
  await expect(page.getByTestId("coordinates")).toHaveText("Coordinates: 32.7100° N, 69.2100° E");
  await expect(page.getByTestId("figure-spreads")).toHaveText("Civilians killed: 3–40 across 3 reporters");
  const table = page.getByTestId("figures-table");
  for (const [claim, figure] of [
    [a, "3–5"],
    [b, "40"],
    [c, "10–12"],
  ] as const) {
    await expect(table.getByRole("row", { name: new RegExp(`${claim.claimant.name} ${figure}`) })).toHaveCount(1);
    await expect(page.getByTestId("incident-claims").getByRole("link", { name: claim.statement })).toHaveAttribute(
      "href",
      `/claims/${claim.slug}`,
    );
  }
  await expect(table.getByRole("row", { name: /spread/ })).toContainText("3 reports from 3 reporters");
  await expect(table.getByRole("row", { name: /spread/ })).toContainText("3–40");
  await expect(page.getByTestId("figures-chart").locator("svg title")).toHaveCount(2 + 2 * 3); // two drawings
  await expect(page.getByTestId("claimant-group")).toHaveCount(3);
  expect(await page.content()).not.toContain(draftMarker);
  await expect(page.getByTestId("incident-figures")).not.toContainText("999");

  // The claim page links back; the follow link and <link rel="alternate"> name the feed.
  await page.goto(`/claims/${a.slug}`);
  await expect(page.getByRole("link", { name: incident.title })).toHaveAttribute("href", `/incidents/${incident.slug}`);
  await page.goto(`/incidents/${incident.slug}`);
  const feedPath = `/incidents/${incident.slug}/feed.xml`;
  await expect(page.locator(`link[rel="alternate"][type="application/atom+xml"][href$="${feedPath}"]`)).toHaveCount(1);
  await expect(page.getByTestId("follow-feed").getByRole("link")).toHaveAttribute("href", feedPath);

  const feed = await request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).not.toContain(draftMarker);
  const parsed = await parseAtom(page, xml);
  expect(parsed).toMatchObject({ errors: 0, root: "feed" });
  for (const claim of [a, b, c]) expect(parsed.titles.join("\n")).toContain(claim.statement);

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/incidents/${incident.slug}</loc>`);
});

test("real 404s: an unknown slug, an incident with only drafts, and their feeds", async ({ request, db }) => {
  const draftsOnly = await makeTestIncident(db);
  await makeTestClaim(db, { incidentId: draftsOnly.id, published: false });
  await refreshReaderCache(request);
  for (const path of [
    "/incidents/no-such-incident-here",
    `/incidents/${draftsOnly.slug}`,
    `/incidents/${draftsOnly.slug}/feed.xml`,
    "/incidents/no-such-incident-here/feed.xml",
    "/incidents/Not_A_Slug",
  ])
    expect((await request.get(path)).status(), path).toBe(404);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(draftsOnly.slug);
});

test("an incident page with its map passes axe", async ({ page, db, request }) => {
  test.setTimeout(90_000);
  const incident = await makeTestIncident(db, {
    title: unique("Strike near Spin Boldak"),
    latitude: 31.0,
    longitude: 66.4,
    locationPrecision: "DISTRICT",
  });
  await makeTestClaim(db, { incidentId: incident.id });
  await refreshReaderCache(request);
  await page.goto(`/incidents/${incident.slug}`);
  await expect(page.getByTestId("incident-map").locator("svg a")).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the map's marks link to their incidents; one without coordinates is listed as not on the map", async ({
    page,
    db,
    request,
  }) => {
    test.setTimeout(90_000);
    // Dated far back so that they are alone on their page of the list, whatever other specs add.
    const date = new Date("2003-03-03T00:00:00Z");
    const town = await makeTestIncident(db, {
      title: unique("Strike near Khost"),
      latitude: 33.34,
      longitude: 69.92,
      locationPrecision: "TOWN",
      date,
    });
    const province = await makeTestIncident(db, {
      title: unique("Shelling in Kunar"),
      latitude: 34.85,
      longitude: 71.1,
      locationPrecision: "PROVINCE",
      date,
    });
    const nowhere = await makeTestIncident(db, { title: unique("Raid, place unknown"), date });
    for (const incident of [town, province, nowhere]) await makeTestClaim(db, { incidentId: incident.id });
    await refreshReaderCache(request);

    await page.goto("/incidents?from=2003-03-03&to=2003-03-03");
    const map = page.getByTestId("incident-map");
    const marks = map.locator("svg a");
    await expect(marks).toHaveCount(2);
    const markOf = (title: string) => map.locator("svg").getByRole("link", { name: title });
    await expect(markOf(town.title)).toHaveAttribute("href", `/incidents/${town.slug}`);
    await expect(markOf(province.title)).toHaveAttribute("href", `/incidents/${province.slug}`);
    // A province is known less precisely than a town: its mark is larger.
    const radius = async (title: string) => Number(await markOf(title).locator("circle").first().getAttribute("r"));
    expect(await radius(province.title)).toBeGreaterThan(await radius(town.title));
    await expect(map.getByText("no coordinates recorded")).toBeVisible();
    await expect(map.getByRole("link", { name: nowhere.title })).toHaveAttribute("href", `/incidents/${nowhere.slug}`);

    // Followed from the map, the incident's own page shows it again, highlighted.
    await markOf(town.title).click();
    await expect(page).toHaveURL(`/incidents/${town.slug}`);
    await expect(
      page.getByTestId("incident-map").locator("svg").getByRole("link", { name: town.title }),
    ).toHaveAttribute("aria-current", /.+/);
  });

  test("the filters narrow the list through the address", async ({ page, db, request }) => {
    const side = unique("Side");
    const actor = await db.actor.create({
      data: { slug: unique("side-actor"), name: unique("Side actor"), kind: "NGO", side },
    });
    const early = await makeTestIncident(db, {
      title: unique("Early incident"),
      date: new Date("2019-05-02T00:00:00Z"),
    });
    const late = await makeTestIncident(db, { title: unique("Late incident"), date: new Date("2019-09-20T00:00:00Z") });
    await makeTestClaim(db, { incidentId: early.id, claimantId: actor.id, category: "CIVILIAN_HARM" });
    await makeTestClaim(db, { incidentId: late.id, category: "SOVEREIGNTY_VIOLATION" });
    await refreshReaderCache(request);

    await page.goto("/incidents");
    const list = page.getByTestId("incident-list");
    await expect(list.getByRole("link", { name: early.title })).toBeVisible();
    await expect(list.getByRole("link", { name: late.title })).toBeVisible();

    const form = page.getByRole("form", { name: "Filter incidents" });
    await form.getByLabel("Happened from").fill("2019-05-01");
    await form.getByLabel("Happened until").fill("2019-05-31");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\/incidents\?from=2019-05-01&to=2019-05-31/);
    await expect(list.getByRole("link", { name: early.title })).toBeVisible();
    await expect(list.getByRole("link", { name: late.title })).toHaveCount(0);

    await page.goto(`/incidents?side=${encodeURIComponent(side)}`);
    await expect(list.getByRole("link")).toHaveText([early.title]);
    await page.goto(`/incidents?side=${encodeURIComponent(side)}&category=SOVEREIGNTY_VIOLATION`);
    await expect(page.getByTestId("incident-count")).toHaveText("No incidents match these filters.");
    await page.goto("/incidents?from=2019-09-01&to=2019-09-30&category=SOVEREIGNTY_VIOLATION");
    await expect(list.getByRole("link", { name: late.title })).toBeVisible();
    await expect(list.getByRole("link", { name: early.title })).toHaveCount(0);
  });
});

test("editors create and edit incidents; bad input is refused at its field and nothing is written", async ({
  editorPage: page,
  db,
}) => {
  test.setTimeout(60_000);
  const title = unique("Editor incident");
  await page.goto("/editor/incidents/new");
  const form = page.getByTestId("incident-form");
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Date", { exact: true }).fill("2099-01-01");
  await form.getByLabel("Place", { exact: true }).fill("Spin Boldak");
  await form.getByLabel("Latitude (optional)").fill("95");
  await form.getByRole("button", { name: "Create incident" }).click();
  await expect(form.getByLabel("Latitude (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Latitude must be a number from -90 to 90.")).toBeVisible();
  await expect(form.getByText("Enter the longitude too, or clear the latitude.")).toBeVisible();
  await expect(form.getByLabel("How precisely the place is known")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/cannot be later than today/)).toBeVisible();
  expect(await db.incident.count({ where: { title } })).toBe(0);

  await form.getByLabel("Date", { exact: true }).fill("2026-11-18");
  await form.getByLabel("Latitude (optional)").fill("31.01");
  await form.getByLabel("Longitude (optional)").fill("66.40");
  await form.getByLabel("How precisely the place is known").selectOption("TOWN");
  await form.getByRole("button", { name: "Create incident" }).click();
  await expect(page).toHaveURL(/\/editor\/incidents\/\d+\?created=1$/);
  const stored = await db.incident.findFirstOrThrow({ where: { title } });
  expect(stored).toMatchObject({ latitude: 31.01, longitude: 66.4, locationPrecision: "TOWN", version: 1 });

  // Edit: a longitude out of range is refused at its field; then a real change saves and moves the version on.
  // Next keeps the "new" page hidden in the document after the redirect (Activity): pick the edit form.
  const edit = page.getByTestId("incident-form").filter({ has: page.getByRole("button", { name: "Save incident" }) });
  await edit.getByLabel("Longitude (optional)").fill("200");
  await edit.getByRole("button", { name: "Save incident" }).click();
  await expect(edit.getByText("Longitude must be a number from -180 to 180.")).toBeVisible();
  expect((await db.incident.findUniqueOrThrow({ where: { id: stored.id } })).longitude).toBe(66.4);
  await edit.getByLabel("Longitude (optional)").fill("");
  await edit.getByLabel("Latitude (optional)").fill("");
  await edit.getByRole("button", { name: "Save incident" }).click();
  await expect(edit.getByText("Saved. Reader pages show the change now.")).toBeVisible();
  expect(await db.incident.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
    latitude: null,
    longitude: null,
    version: 2,
  });

  // A claim is attached by its slug (audited), and listed on the incident's page.
  const claim = await makeTestClaim(db, { published: false });
  const attach = page.getByTestId("attach-claim");
  await attach.getByLabel("Attach a claim").fill("no-such-claim-here");
  await attach.getByRole("button", { name: "Attach claim" }).click();
  // One message for the form and the field (as every form here shows a refusal).
  await expect(attach.getByText("No claim has the slug “no-such-claim-here”.")).toHaveCount(2);
  await attach.getByLabel("Attach a claim").fill(claim.slug);
  await attach.getByRole("button", { name: "Attach claim" }).click();
  await expect(page.getByTestId("incident-claim-list").getByRole("link", { name: claim.statement })).toBeVisible();
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).incidentId).toBe(stored.id);
  expect(
    await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id), action: "attach-incident" } }),
  ).toBe(1);
});

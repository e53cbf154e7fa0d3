import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim, makeTestIncident, makeTestUser, type TestUser } from "@/test-support/builders";
import { attachClaim, createIncident, detachClaim, updateIncident } from "@/lib/data/writes/incidents";
import { toApiClaimDetail } from "@/lib/api/claim-json";
import { getPublishedClaim } from "@/lib/data/reads/claims";
import { getPublicIncident, listPublicIncidents, publicIncidentExists } from "@/lib/data/reads/incidents";
import { getIncidentStory } from "@/lib/data/reads/story-feeds";
import { listSitemapEntries } from "@/lib/data/reads/sitemap";
import { coordinateProblems, formatCoordinates } from "@/lib/domain/incident-place";
import { groupFigures, reporterCount } from "@/lib/domain/figures";
import { latestClaimDay } from "@/lib/domain/claim-date";
import { AttachClaimSchema, IncidentCreateSchema, IncidentUpdateSchema } from "@/lib/validation/incident";
import { parseIncidentFilters } from "@/lib/validation/incident-filters";
import { auditOf } from "./helpers/editor-fixtures";
import { everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";
import { createTestDb } from "./helpers/test-db";

// Incidents (docs/decisions/0026-incidents.md): the form's rules, the spread across reporters, the writes with
// their audit and version check, and that readers never see a draft through an incident.

const form = (over: Record<string, unknown> = {}) => ({
  title: "Strike on a market",
  date: "2026-11-18",
  datePrecision: "DAY",
  location: "Barmal district, Paktika",
  locationPrecision: "DISTRICT",
  latitude: "",
  longitude: "",
  description: "",
  ...over,
});

const errorsOf = (input: unknown) => {
  const parsed = IncidentCreateSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the incident form's schema", () => {
  it("accepts a place without coordinates, and decimal degrees typed as text", () => {
    expect(IncidentCreateSchema.parse(form())).toMatchObject({ latitude: undefined, longitude: undefined });
    expect(IncidentCreateSchema.parse(form({ latitude: " 32.71 ", longitude: "69.2" }))).toMatchObject({
      latitude: 32.71,
      longitude: 69.2,
    });
    expect(IncidentCreateSchema.parse(form({ latitude: -90, longitude: 180 }))).toMatchObject({ latitude: -90 });
  });

  it("refuses coordinates out of range, one of the pair alone, or text, at the field", () => {
    expect(errorsOf(form({ latitude: "91", longitude: "10" }))).toEqual({
      latitude: "Latitude must be a number from -90 to 90.",
    });
    expect(errorsOf(form({ latitude: "10", longitude: "-180.5" }))).toEqual({
      longitude: "Longitude must be a number from -180 to 180.",
    });
    expect(errorsOf(form({ latitude: "34.5" }))).toEqual({
      longitude: "Enter the longitude too, or clear the latitude.",
    });
    expect(errorsOf(form({ longitude: "69" }))).toEqual({
      latitude: "Enter the latitude too, or clear the longitude.",
    });
    expect(errorsOf(form({ latitude: "34°N", longitude: "1e2" }))).toMatchObject({
      latitude: expect.stringMatching(/decimal degrees/),
      longitude: expect.stringMatching(/decimal degrees/),
    });
  });

  it("requires the place precision, the title and the place; refuses a future date", () => {
    const tomorrowPlusOne = new Date(Date.parse(`${latestClaimDay()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    // The coordinate rules run with the other fields' problems, so every problem shows at once.
    expect(
      errorsOf(form({ locationPrecision: "", title: " ", location: "", date: tomorrowPlusOne, latitude: "95" })),
    ).toEqual({
      latitude: "Latitude must be a number from -90 to 90.",
      longitude: "Enter the longitude too, or clear the latitude.",
      locationPrecision: "Choose how precisely the place is known.",
      title: "The title is required.",
      location: "The place is required.",
      date: expect.stringMatching(/cannot be later than today/),
    });
    expect(errorsOf(form({ locationPrecision: "STREET" }))).toEqual({
      locationPrecision: "Choose how precisely the place is known.",
    });
  });

  it("parses its own output again to the same value (the action re-parses what the form sent)", () => {
    const once = IncidentUpdateSchema.parse({
      ...form({ latitude: "1.5", longitude: "2" }),
      incidentId: 3,
      version: 2,
    });
    expect(IncidentUpdateSchema.parse(once)).toEqual(once);
  });

  it("takes a claim by slug or by its address", () => {
    expect(AttachClaimSchema.parse({ incidentId: 1, claim: "https://x.example/claims/some-claim?x=1" }).claim).toBe(
      "some-claim",
    );
    expect(AttachClaimSchema.safeParse({ incidentId: 1, claim: "not a slug!" }).success).toBe(false);
  });

  it("coordinate rule and formatting", () => {
    expect(coordinateProblems(null, null)).toEqual([]);
    expect(coordinateProblems(Number.NaN, 3)).toHaveLength(1);
    expect(formatCoordinates(34.5, -69.25)).toBe("34.5000° N, 69.2500° W");
  });
});

describe("the spread across reporters", () => {
  const fig = (slug: string, min: number, max: number, outcome: "KILLED" | "INJURED" = "KILLED") => ({
    population: "CIVILIANS" as const,
    outcome,
    min,
    max,
    reportedBy: { slug },
  });

  it("is the lowest minimum to the highest maximum, never an average, and counts reporters once", () => {
    const groups = groupFigures([
      fig("a", 3, 5),
      fig("b", 40, 40),
      fig("c", 10, 12),
      fig("a", 4, 4),
      fig("b", 1, 2, "INJURED"),
    ]);
    const killed = groups.find((g) => g.outcome === "KILLED")!;
    expect(killed.spread).toEqual({ min: 3, max: 40 });
    expect(killed.figures).toHaveLength(4);
    expect(reporterCount(killed.figures)).toBe(3);
    expect(reporterCount(groups.find((g) => g.outcome === "INJURED")!.figures)).toBe(1);
  });
});

describe("incident writes and reader visibility", () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let editor: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    ({ db, url, cleanup } = await createTestDb());
    editor = await makeTestUser(db, { name: "Zarmina Editor" });
    other = await makeTestUser(db, { name: "Bilal Editor" });
  });
  afterAll(async () => cleanup());

  it("creates with a slug from the title, normalises the date to its precision, and audits", async () => {
    const input = IncidentCreateSchema.parse(form({ title: "Shelling near Chaman", datePrecision: "MONTH" }));
    const result = await createIncident(db, editor, input);
    expect(result).toMatchObject({ ok: true, data: { slug: "shelling-near-chaman" } });
    if (!result.ok) return;
    const stored = await db.incident.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(stored.date.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(await auditOf(db, "Incident", result.data.id)).toMatchObject([{ userId: editor.id, action: "create" }]);
  });

  it("refuses a save made from a stale version with who saved first, writing nothing", async () => {
    const incident = await makeTestIncident(db);
    const edit = (title: string) =>
      IncidentUpdateSchema.parse({ ...form({ title }), incidentId: incident.id, version: 1 });
    expect(await updateIncident(db, other, edit("First save"))).toMatchObject({ ok: true, data: { version: 2 } });
    const before = await everyTableCount(db);
    const stale = await updateIncident(db, editor, edit("Second save"));
    expect(stale).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/^Changed by Bilal Editor at .* Nothing was saved/),
    });
    expect(await everyTableCount(db)).toEqual(before);
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).title).toBe("First save");
  });

  it("the database refuses half a coordinate pair even past the schema", async () => {
    const incident = await makeTestIncident(db);
    await expect(db.incident.update({ where: { id: incident.id }, data: { latitude: 10 } })).rejects.toThrow();
    await expect(
      db.incident.update({ where: { id: incident.id }, data: { latitude: 95, longitude: 10 } }),
    ).rejects.toThrow();
  });

  it("is public only with a published claim; drafts never show on its page, feed, list or sitemap", async () => {
    const incident = await makeTestIncident(db, { title: "Visibility test incident" });
    const draft = await makeTestClaim(db, {
      incidentId: incident.id,
      published: false,
      statement: "Draft statement never public",
      figures: [{ min: 900, max: 900 }],
    });
    expect(await publicIncidentExists(db, incident.slug)).toBe(false);
    expect(await getPublicIncident(db, incident.slug)).toBeNull();
    expect(await getIncidentStory(db, incident.slug)).toBeNull();
    expect((await listSitemapEntries(db)).incidents.map((i) => i.slug)).not.toContain(incident.slug);

    const published = await makeTestClaim(db, { figures: [{ min: 2, max: 3 }] });
    expect(await attachClaim(db, editor, { incidentId: incident.id, claim: published.slug })).toMatchObject({
      ok: true,
    });
    expect(await auditOf(db, "Claim", published.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "attach-incident" })]),
    );
    const page = await getPublicIncident(db, incident.slug);
    expect(page?.claimCount).toBe(1);
    expect(JSON.stringify(page)).not.toContain(draft.slug);
    expect(page?.figures.map((f) => f.max)).toEqual([3]);
    expect(JSON.stringify(await getIncidentStory(db, incident.slug))).not.toContain(draft.slug);
    expect((await listSitemapEntries(db)).incidents.map((i) => i.slug)).toContain(incident.slug);
    const { filters } = parseIncidentFilters({});
    expect((await listPublicIncidents(db, filters)).incidents.map((i) => i.slug)).toContain(incident.slug);

    expect(await attachClaim(db, editor, { incidentId: incident.id, claim: published.slug })).toMatchObject({
      ok: false,
      fieldErrors: { claim: ["This claim is already part of this incident."] },
    });
    expect(await detachClaim(db, editor, { incidentId: incident.id, claimId: published.id })).toMatchObject({
      ok: true,
    });
    expect(await publicIncidentExists(db, incident.slug)).toBe(false);
  });

  it("gives the API an incident's date only as precisely as it is known, as the claim's own", async () => {
    const recorded = new Date("2026-11-25T00:00:00Z");
    const dated = [
      ["DAY", "2026-11-25"],
      ["MONTH", "2026-11"],
      ["YEAR", "2026"],
      ["UNKNOWN", null],
    ] as const;
    for (const [datePrecision, dateKnown] of dated) {
      const incident = await makeTestIncident(db, { date: recorded, datePrecision });
      const claim = await makeTestClaim(db, { incidentId: incident.id });
      const read = await getPublishedClaim(db, claim.slug);
      expect(read && toApiClaimDetail(read).incident).toEqual({
        slug: incident.slug,
        title: incident.title,
        date: recorded.toISOString(),
        datePrecision,
        dateKnown,
        location: "Test district",
        locationPrecision: "DISTRICT",
      });
    }
  });

  it("filters the list by date range, category and the claimants' side", async () => {
    const side = `Side ${Date.now()}`;
    const actor = await db.actor.create({
      data: { slug: `side-actor-${Date.now()}`, name: "Side actor", kind: "NGO", side },
    });
    const old = await makeTestIncident(db, { date: new Date("2020-03-04T00:00:00Z") });
    await makeTestClaim(db, { incidentId: old.id, claimantId: actor.id, category: "CIVILIAN_HARM" });
    const slugs = async (params: Record<string, string>) =>
      (await listPublicIncidents(db, parseIncidentFilters(params).filters)).incidents.map((i) => i.slug);
    expect(await slugs({ from: "2020-03-01", to: "2020-03-31" })).toEqual([old.slug]);
    expect(await slugs({ side })).toEqual([old.slug]);
    expect(await slugs({ side, category: "OTHER" })).toEqual([]);
    expect(await slugs({ side, category: "CIVILIAN_HARM" })).toEqual([old.slug]);
  });

  it("the import refuses bad coordinates and a missing precision with the record's line, and writes nothing", async () => {
    const before = await everyTableCount(db);
    const report = await runImport(
      { db, url },
      jsonFile({
        incidents: [
          {
            slug: "bad-one",
            title: "A",
            date: "2026-11-01",
            location: "X",
            locationPrecision: "TOWN",
            latitude: 120,
            longitude: 5,
          },
          { slug: "bad-two", title: "B", date: "2026-11-01", location: "Y", latitude: 5 },
        ],
      }),
      { fileName: "incidents.json" },
    );
    expect(report.ok).toBe(false);
    const messages = problems(report).join("\n");
    expect(messages).toMatch(/latitude.*Latitude must be a number from -90 to 90/);
    expect(messages).toMatch(/locationPrecision.*Say how precisely the place is known/);
    expect(messages).toMatch(/longitude.*Enter the longitude too/);
    expect(await everyTableCount(db)).toEqual(before);
  });
});

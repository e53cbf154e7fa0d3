import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, makeTestUser, type TestUser } from "@/test-support/builders";
import { toApiClaim } from "@/lib/api/claim-json";
import { findActorBySlug, getActorProfile, listActors } from "@/lib/data/reads/actors";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import { createClaim, updateClaim } from "@/lib/data/writes/claims";
import type { Db } from "@/lib/db/create-client";
import { ABOUT_MAX, aboutText } from "@/lib/domain/claim-about";
import { claimFieldSelect, claimFormValues } from "@/lib/domain/claim-fields";
import { aboutField, ClaimUpdateSchema, OpenedWithSchema } from "@/lib/validation/claim";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { exportToString } from "@/lib/data-io/export";
import { bytes, claimRecord, everyTableCount, jsonFile, problems, runImport } from "./helpers/data-io";
import { auditOf, claimForm, tableCounts } from "./helpers/editor-fixtures";
import { createTestDb } from "./helpers/test-db";

// The actors a claim is about (docs/decisions/0029-claims-about-actors.md): the field's rule, its writes and
// conflicts, and what readers get of it, on a real database.

let db: Db;
let cleanup: () => Promise<void>;
let alice: TestUser;
let bilal: TestUser;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  alice = await makeTestUser(db, { name: "Alice About" });
  bilal = await makeTestUser(db, { name: "Bilal About" });
});
afterAll(async () => cleanup());

const message = (value: unknown) => aboutField.safeParse(value).error?.issues.map((i) => i.message);

describe("the about field's rule", () => {
  it("takes what the checkboxes give: a list, one ticked box, none", () => {
    expect(aboutField.parse(["3", "12"])).toEqual([3, 12]);
    expect(aboutField.parse("7")).toEqual([7]);
    expect(aboutField.parse(false)).toEqual([]);
    expect(aboutField.parse([])).toEqual([]);
    expect(aboutField.parse(undefined)).toBeUndefined();
    // The action parses the form's output again: the same list.
    expect(aboutField.parse(aboutField.parse(["3", "12"]))).toEqual([3, 12]);
  });

  it("refuses duplicates, too many, and anything that is not an actor id, with one message at the field", () => {
    expect(message(["3", 3])).toEqual(["Each actor can be listed once."]);
    const tooMany = Array.from({ length: ABOUT_MAX + 1 }, (_, i) => i + 1);
    expect(message(tooMany)).toEqual([`A claim can be about at most ${ABOUT_MAX} actors.`]);
    for (const bad of [["abc"], ["1e3"], [0], [-2], [1.5], ["3", null], [{}], { id: 1 }, true, "x", [99_999_999_999]])
      expect(message(bad), JSON.stringify(bad)).toEqual(["Choose the actors from the list."]);
    const issue = aboutField.safeParse(["abc"]).error?.issues[0];
    expect(issue?.path).toEqual([]);
  });

  it("compares lists by their actors, not the order they were ticked in", () => {
    expect(aboutText([7, 3])).toBe(aboutText([3, 7]));
    expect(aboutText([])).toBe("");
  });
});

/** The edit form as a browser opens it now, the about list included (tests/edit-conflicts.test.ts does the rest). */
async function openForm(claimId: number) {
  const row = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { slug: true, version: true, ...claimFieldSelect, claimantId: true, incidentId: true },
  });
  const about = (await db.claimAbout.findMany({ where: { claimId }, select: { actorId: true } })).map((a) => a.actorId);
  const values = {
    claimId,
    version: row.version,
    slug: row.slug,
    ...claimFormValues(row),
    claimant: { mode: "existing" as const, actorId: row.claimantId },
    incidentId: row.incidentId ?? "",
    about: about.map(String),
  };
  const openedWith = OpenedWithSchema.parse({ ...values, claimantId: row.claimantId, about: aboutText(about) });
  return (changes: Record<string, unknown>) => ClaimUpdateSchema.parse({ ...values, openedWith, ...changes });
}

const aboutOf = async (claimId: number) =>
  (await db.claimAbout.findMany({ where: { claimId }, orderBy: { actorId: "asc" }, select: { actorId: true } })).map(
    (a) => a.actorId,
  );

describe("writing the list", () => {
  it("creates a claim with its actors and audits them; an unknown actor is refused and nothing is written", async () => {
    const [ttp, civilians, claimant] = await Promise.all([
      makeTestClaim(db).then((c) => c.claimant),
      makeTestClaim(db).then((c) => c.claimant),
      makeTestClaim(db).then((c) => c.claimant),
    ]);
    const made = await createClaim(
      db,
      alice,
      claimForm(claimant.id, { about: [String(ttp.id), String(civilians.id)] }),
    );
    expect(made.ok).toBe(true);
    const id = made.ok ? made.data.id : 0;
    expect(await aboutOf(id)).toEqual([ttp.id, civilians.id].sort((a, b) => a - b));
    expect((await auditOf(db, "Claim", id))[0]?.changes.about).toBe(aboutText([ttp.id, civilians.id]));

    const before = await tableCounts(db);
    const refused = await createClaim(db, alice, claimForm(claimant.id, { about: [String(ttp.id), "2000000000"] }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { about: [expect.stringMatching(/does not exist/)] } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("replaces the list on edit, audits before and after, and leaves it alone when a request does not send it", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const subject = (await makeTestClaim(db)).claimant;
    const saved = await updateClaim(db, alice, (await openForm(claim.id))({ about: [String(subject.id)] }));
    expect(saved.ok).toBe(true);
    expect(await aboutOf(claim.id)).toEqual([subject.id]);
    const audit = await auditOf(db, "Claim", claim.id);
    expect(audit.at(-1)?.changes.about).toEqual(["", String(subject.id)]);

    // An older client's save without `about`: the statement changes, the list stays.
    const form = await openForm(claim.id);
    const { about: _about, ...withoutAbout } = form({ statement: "Edited without the about list" });
    expect((await updateClaim(db, alice, withoutAbout as ReturnType<typeof form>)).ok).toBe(true);
    expect(await aboutOf(claim.id)).toEqual([subject.id]);
    expect((await auditOf(db, "Claim", claim.id)).at(-1)?.changes).not.toHaveProperty("about");
  });

  it("conflicts on the list only when both editors changed it differently", async () => {
    const claim = await makeTestClaim(db, { published: false });
    const [one, two] = [(await makeTestClaim(db)).claimant, (await makeTestClaim(db)).claimant];
    const aliceForm = await openForm(claim.id);
    const bilalForm = await openForm(claim.id);
    expect((await updateClaim(db, alice, aliceForm({ about: [String(one.id)] }))).ok).toBe(true);

    // Bilal's form still holds the empty list: his other list collides with Alice's, naming her actor.
    const before = await tableCounts(db);
    const refused = await updateClaim(db, bilal, bilalForm({ about: [String(two.id)] }));
    expect(refused).toMatchObject({
      ok: false,
      conflict: { changedBy: "Alice About" },
      fieldErrors: { about: [expect.stringContaining(one.name)] },
    });
    expect(!refused.ok && refused.formError).toMatch(/changed the actors it is about/);
    expect(await tableCounts(db)).toEqual(before);
    expect(await aboutOf(claim.id)).toEqual([one.id]);

    // The same list chosen by both agrees; a statement edit from that stale form keeps Alice's list.
    expect((await updateClaim(db, bilal, bilalForm({ about: [String(one.id)] }))).ok).toBe(true);
    const stale = await openForm(claim.id);
    expect((await updateClaim(db, bilal, stale({ statement: "Bilal's statement" }))).ok).toBe(true);
    expect(await aboutOf(claim.id)).toEqual([one.id]);
  });
});

describe("what readers get", () => {
  it("shows an actor a published claim is about, never one only a draft is about", async () => {
    const draftSubject = (await makeTestClaim(db, { published: false })).claimant;
    await makeTestClaim(db, { published: false, aboutIds: [draftSubject.id] });
    expect(await findActorBySlug(db, draftSubject.slug)).toBeNull();
    expect((await listActors(db)).some((a) => a.slug === draftSubject.slug)).toBe(false);
    expect((await listPublishedClaims(db, parseClaimFilters({ about: draftSubject.slug }).filters)).total).toBe(0);

    const subject = (await makeTestClaim(db, { published: false })).claimant;
    const published = await makeTestClaim(db, { aboutIds: [subject.id], statement: "Strikes near Khost hit homes." });
    await makeTestClaim(db, { published: false, aboutIds: [subject.id] });
    expect(await findActorBySlug(db, subject.slug)).not.toBeNull();
    expect((await listActors(db)).find((a) => a.slug === subject.slug)).toMatchObject({ claimCount: 0, aboutCount: 1 });

    const profile = await getActorProfile(db, subject.slug);
    expect(profile?.about.map((c) => c.slug)).toEqual([published.slug]);
    expect(profile?.counts).toMatchObject({ claimed: 0, about: 1 });

    const list = await listPublishedClaims(db, parseClaimFilters({ about: subject.slug }).filters);
    expect(list.claims.map((c) => c.slug)).toEqual([published.slug]);
    expect(toApiClaim(list.claims[0]!).about).toEqual([{ slug: subject.slug, name: subject.name }]);
    // The full-text search applies the same filter in SQL (lib/sqlite/search.ts).
    const searched = await listPublishedClaims(
      db,
      parseClaimFilters({ about: subject.slug, q: "Khost homes" }).filters,
    );
    expect(searched.claims.map((c) => c.slug)).toEqual([published.slug]);
    const claimant = await listPublishedClaims(db, parseClaimFilters({ actor: subject.slug }).filters);
    expect(claimant.total).toBe(0);
  });

  it("reads `about` from a query string like the claimant filter, and ignores a value that is no slug", () => {
    expect(parseClaimFilters({ about: "ttp" }).filters.about).toBe("ttp");
    const { filters, issues } = parseClaimFilters({ about: "<script>" });
    expect(filters.about).toBeUndefined();
    expect(issues.map((i) => i.param)).toEqual(["about"]);
  });
});

describe("import and export", () => {
  const opened: { cleanup: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const t of opened) await t.cleanup();
  });
  async function freshDb() {
    const made = await createTestDb();
    opened.push(made);
    return made;
  }

  it("carries the list by slug: export → fresh database → import → export gives the same bytes", async () => {
    const a = await freshDb();
    const [ttp, civilians] = [(await makeTestClaim(a.db)).claimant, (await makeTestClaim(a.db)).claimant];
    await makeTestClaim(a.db, { aboutIds: [civilians.id, ttp.id] });
    const first = await exportToString(a.db);
    expect(first).toContain(`"about":${JSON.stringify([civilians.slug, ttp.slug].sort())}`);

    const b = await freshDb();
    expect(problems(await runImport(b, bytes(first), { fileName: "export.json" }))).toEqual([]);
    expect(await b.db.claimAbout.count()).toBe(2);
    expect(await exportToString(b.db)).toBe(first);
    // Imported back into its own database: nothing moves.
    const report = await runImport(a, bytes(first), { fileName: "export.json" });
    expect(report).toMatchObject({ ok: true, counts: { claims: { updated: 0 } } });
  });

  it("replaces the list from a file, audits it, and refuses unknown actors and duplicates writing nothing", async () => {
    const t = await freshDb();
    const claim = await makeTestClaim(t.db);
    const subject = (await makeTestClaim(t.db)).claimant;
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { claimedAt: true } });
    const record = (about: unknown) =>
      claimRecord(claim.slug, claim.claimant.slug, {
        statement: claim.statement,
        category: "OTHER",
        claimedAt: row.claimedAt.toISOString().slice(0, 10),
        status: "UNVERIFIED",
        publishedAt: undefined,
        sources: undefined,
        about,
      });
    const good = await runImport(t, jsonFile({ claims: [record([subject.slug])] }));
    expect(problems(good)).toEqual([]);
    expect(await aboutOfIn(t.db, claim.id)).toEqual([subject.id]);
    const audit = await t.db.auditEvent.findFirst({
      where: { entity: "Claim", entityId: String(claim.id), action: "import-update" },
      select: { changes: true },
    });
    expect(JSON.parse(audit!.changes)).toMatchObject({ about: ["", String(subject.id)] });

    const before = await everyTableCount(t.db);
    for (const [about, expected] of [
      [["no-such-actor"], /no actor “no-such-actor”/],
      [[subject.slug, subject.slug], /listed once/],
      [["Not A Slug"], /about/],
      ["ttp", /about is a list/],
    ] as const) {
      const refused = await runImport(t, jsonFile({ claims: [record(about)] }));
      expect(problems(refused).join("\n"), JSON.stringify(about)).toMatch(expected);
    }
    expect(await everyTableCount(t.db)).toEqual(before);
  });
});

async function aboutOfIn(target: Db, claimId: number) {
  return (await target.claimAbout.findMany({ where: { claimId }, select: { actorId: true } })).map((a) => a.actorId);
}

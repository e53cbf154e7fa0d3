import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { formatDay, isoDay } from "@/lib/domain/format";
import type { Db } from "@/lib/db/create-client";
import { makeTestClaim, makeTestIncident, makeTestUser, uniqueSuffix } from "@/test-support/builders";
import { withdrawTestClaim } from "@/test-support/withdraw";
import { refreshReaderCache } from "./reader-cache";
import { callAction } from "./server-actions";

// Issue 10, "Leaks": what readers must never see — a draft claim, an actor only a draft names, a protected source's
// identity, an internal note or a checklist tick (issue 11), a reader's correction request (issue 12) — is made with unique markers in every text field and then looked for in
// every public surface: reader pages as HTML and as RSC payloads, the JSON API, the CSV, the feed, JSON-LD (inside
// the claim page's HTML), the sitemap and robots files if any, error pages, the search, the claimant filter, and the
// cached reader functions called as Server Actions. Every secret value contains the test's mark; nothing readers may see does.

type Secrets = {
  /** in every secret value */
  mark: string;
  /** the draft's statement word, for the search */
  word: string;
  draftSlug: string;
  actorSlug: string;
  publicSlug: string;
  derivedSlug: string;
  /** a claim we withdrew (410), with a note and a tick of its own */
  withdrawnSlug: string;
  /** a public incident (the published claim) that the draft is attached to as well */
  incidentSlug: string;
  /** an incident with nothing published: every field secret */
  secretIncidentSlug: string;
  /** other spellings of secret dates, which hold no mark */
  dates: string[];
};

/** A day that nothing else in the database has: in the 1930s, at a random day. */
function oddDay(offset: number): Date {
  return new Date(Date.UTC(1930, 0, 1) + (Math.floor(Math.random() * 3000) + offset * 3001) * 86_400_000);
}

async function makeSecrets(db: Db): Promise<Secrets> {
  const mark = `lk${uniqueSuffix()}`;
  const secret = (field: string) => `${mark}${field}`;
  // An actor that only the draft names, with a marker in every field.
  const actor = await db.actor.create({
    data: {
      slug: secret("-actor-slug"),
      name: `${secret("actorname")} Brigade`,
      kind: "ARMED_GROUP",
      country: "AF",
      sameAs: `https://${secret("-actor-same")}.example.org/`,
      description: secret("actordescription"),
    },
    select: { id: true },
  });
  // Incidents (docs/decisions/0026-incidents.md): one public through the published claim below, with the draft
  // attached too; one with no published claim, which readers must not see at all.
  const incident = await makeTestIncident(db);
  const secretIncident = await makeTestIncident(db, {
    title: secret("incidenttitle"),
    location: secret("incidentlocation"),
    description: secret("incidentdescription"),
  });
  await db.incident.update({ where: { id: secretIncident.id }, data: { slug: secret("-incident-slug") } });
  const draftDay = oddDay(0);
  const draftSourceDay = oddDay(1);
  const draft = await makeTestClaim(db, {
    published: false,
    slug: secret("-draft-slug"),
    claimantId: actor.id,
    incidentId: incident.id,
    statement: `Draft ${secret("statement")}: a convoy was hit near the crossing.`,
    originalText: secret("originaltext"),
    originalLanguage: "ps",
    location: secret("location"),
    claimedAt: draftDay,
    status: "IN_REVIEW",
    statusRationale: secret("rationale"),
    sources: [
      {
        stance: "SUPPORTS",
        title: secret("draftsourcetitle"),
        url: `https://${secret("-draft-source")}.example.org/report`,
        publisher: secret("draftsourcepublisher"),
        excerpt: secret("draftsourceexcerpt"),
        publishedAt: draftSourceDay,
        note: secret("draftsourcenote"),
      },
    ],
    figures: [{ min: 3, max: 4, note: secret("figurenote") }],
  });

  // A published claim with a protected source (also the source of a figure), and a second published claim whose
  // source repeats the protected one: readers see both claims, never who the source is.
  const protectedDay = oddDay(2);
  const published = await makeTestClaim(db, {
    incidentId: incident.id,
    statement: `Leak probe ${uniqueSuffix()}: a witness described the strike.`,
    // A final verdict, so the page carries ClaimReview JSON-LD (lib/domain/claim-review.ts).
    status: "FALSE",
    sources: [
      {
        stance: "SUPPORTS",
        title: secret("protectedtitle"),
        url: `https://${secret("-protected")}.example.org/witness`,
        publisher: secret("protectedpublisher"),
        excerpt: secret("protectedexcerpt"),
        type: "SOCIAL_MEDIA",
        publishedAt: protectedDay,
        protected: true,
        protectedReason: "The witness lives in the strike area.",
      },
    ],
    figures: [{ min: 1, max: 1 }],
  });
  const protectedId = published.sources[0]!.id;
  await db.source.update({
    where: { id: protectedId },
    data: { archiveUrl: `https://archive.example.org/${secret("-protected-archive")}` },
  });
  await db.casualtyFigure.updateMany({ where: { claimId: published.id }, data: { sourceId: protectedId } });
  const derived = await makeTestClaim(db, {
    statement: `Leak probe ${uniqueSuffix()}: an outlet repeated the witness.`,
    sources: [{ stance: "SUPPORTS", title: `Outlet ${uniqueSuffix()}` }],
  });
  await db.source.update({ where: { id: derived.sources[0]!.id }, data: { derivedFromId: protectedId } });
  // A link from the draft to the published claim: the published page must not list it.
  await db.claimLink.create({
    data: { fromId: draft.id, toId: published.id, type: "DENIES", note: secret("linknote") },
  });
  // Internal notes (issue 11, item 4) on the published claim and on the draft, one mentioning its author: editors
  // only, on no public surface.
  const noteAuthor = await makeTestUser(db, { name: `${secret("noteauthor")} Editor` });
  for (const claimId of [published.id, draft.id]) {
    await db.claimNote.create({
      data: {
        claimId,
        authorId: noteAuthor.id,
        text: `${secret("notetext")} ask @${noteAuthor.email.split("@")[0]}`,
        mentions: { create: { userId: noteAuthor.id } },
      },
      select: { id: true },
    });
  }

  // A withdrawn claim (issue 11, item 2) answers 410 with its statement, last verdict and reason; its notes and
  // ticks stay as internal as a published claim's.
  const withdrawn = await makeTestClaim(db, { statement: `Leak probe ${uniqueSuffix()}: a claim we withdrew.` });
  await withdrawTestClaim(db, withdrawn.id, "The footage we relied on was from another year.");
  await db.claimNote.create({
    data: { claimId: withdrawn.id, authorId: noteAuthor.id, text: secret("withdrawnnotetext") },
    select: { id: true },
  });

  // The verification checklist (issue 11, item 5) is editor-only too: a step with a marked name, ticked on the
  // published claim by the marked editor, and retired at once so the desk's live checklist is left as it was.
  const step = await db.checklistStep.create({
    data: { name: secret("stepname"), position: 10_000, retiredAt: new Date() },
    select: { id: true },
  });
  for (const claimId of [published.id, withdrawn.id])
    await db.checklistTick.create({ data: { claimId, stepId: step.id, tickedById: noteAuthor.id } });

  // A reader's correction request on the published claim (issue 12, item 8): editors only, on no public surface.
  await db.correctionRequest.create({
    data: {
      claimId: published.id,
      name: secret("requestname"),
      email: `${secret("requestemail")}@example.org`,
      message: secret("requestmessage"),
      ipHash: secret("requestip"),
    },
    select: { id: true },
  });

  const dates = [draftDay, draftSourceDay, protectedDay].flatMap((d) => [isoDay(d), formatDay(d)]);
  return {
    mark,
    word: secret("statement"),
    draftSlug: draft.slug,
    actorSlug: secret("-actor-slug"),
    publicSlug: published.slug,
    derivedSlug: derived.slug,
    withdrawnSlug: withdrawn.slug,
    incidentSlug: incident.slug,
    secretIncidentSlug: secret("-incident-slug"),
    dates,
  };
}

/** The secrets found in `body`, leaving out the strings the request itself carried (an echoed search, say). */
function leaks(body: string, s: Secrets, echoed: string[] = []): string[] {
  let text = body;
  for (const e of echoed) text = text.split(e).join("");
  const found = [...text.matchAll(new RegExp(`${s.mark}[a-z0-9-]*`, "g"))].map((m) => m[0]);
  for (const d of s.dates) if (text.includes(d)) found.push(d);
  return [...new Set(found)];
}

type Surface = { path: string; echoed?: string[]; rsc?: boolean };

function surfaces(s: Secrets): Surface[] {
  const word = s.word;
  return [
    { path: "/", rsc: true },
    { path: "/claims", rsc: true },
    { path: "/claims?sort=updated", rsc: true },
    { path: `/claims?q=${word}`, echoed: [word], rsc: true },
    { path: `/claims?actor=${s.actorSlug}`, echoed: [s.actorSlug], rsc: true },
    { path: `/claims/${s.publicSlug}`, rsc: true },
    { path: `/claims/${s.derivedSlug}`, rsc: true },
    { path: `/claims/${s.draftSlug}`, echoed: [s.draftSlug], rsc: true },
    // The page a withdrawn claim's URL shows (proxy.ts): a draft is not withdrawn, so it is a 404 here too.
    { path: `/claims/withdrawn/${s.draftSlug}`, echoed: [s.draftSlug], rsc: true },
    { path: `/claims/${s.withdrawnSlug}`, rsc: true },
    { path: `/claims/withdrawn/${s.withdrawnSlug}`, rsc: true },
    { path: `/api/claims/${s.withdrawnSlug}` },
    { path: `/claims/${s.withdrawnSlug}/feed.xml` },
    { path: "/actors", rsc: true },
    { path: `/actors/${s.actorSlug}`, echoed: [s.actorSlug], rsc: true },
    { path: "/incidents", rsc: true },
    { path: `/incidents/${s.incidentSlug}`, rsc: true },
    { path: `/incidents/${s.incidentSlug}/feed.xml` },
    { path: `/incidents/${s.secretIncidentSlug}`, echoed: [s.secretIncidentSlug], rsc: true },
    { path: `/incidents/${s.secretIncidentSlug}/feed.xml`, echoed: [s.secretIncidentSlug] },
    { path: "/corrections", rsc: true },
    { path: "/methodology", rsc: true },
    { path: "/about", rsc: true },
    { path: `/no-such-page-${s.mark}`, echoed: [`/no-such-page-${s.mark}`], rsc: true },
    { path: "/login" },
    { path: "/feed.xml" },
    { path: "/api/claims" },
    { path: "/api/claims?sort=updated&pageSize=100" },
    { path: `/api/claims?q=${word}`, echoed: [word] },
    { path: `/api/claims?actor=${s.actorSlug}`, echoed: [s.actorSlug] },
    { path: `/api/claims/${s.publicSlug}` },
    { path: `/api/claims/${s.derivedSlug}` },
    { path: `/api/claims/${s.draftSlug}`, echoed: [s.draftSlug] },
    { path: "/api/withdrawals?pageSize=100" },
    { path: "/api/claims.csv" },
    { path: `/api/claims.csv?q=${word}`, echoed: [word] },
    { path: `/api/claims.csv?actor=${s.actorSlug}`, echoed: [s.actorSlug] },
    { path: "/sitemap.xml" },
    { path: "/robots.txt" },
    // The per-claim and per-actor feeds (docs/api.md): a draft's and a draft-only actor's are 404s that say nothing.
    { path: `/claims/${s.publicSlug}/feed.xml` },
    { path: `/claims/${s.derivedSlug}/feed.xml` },
    { path: `/claims/${s.draftSlug}/feed.xml`, echoed: [s.draftSlug] },
    { path: `/actors/${s.actorSlug}/feed.xml`, echoed: [s.actorSlug] },
    // A draft has no share card (docs/decisions/0030-share-cards.md); its 404 says nothing either.
    { path: `/claims/${s.draftSlug}/share-card.png`, echoed: [s.draftSlug] },
    // Editors' lookups refuse anonymous callers; the refusal must say nothing either.
    { path: `/editor/claim-search?q=${word}`, echoed: [word] },
    { path: `/editor/possible-duplicates?statement=${word}`, echoed: [word] },
  ];
}

test("nothing readers must not see reaches any public surface", async ({ request, db }) => {
  test.setTimeout(120_000);
  const s = await makeSecrets(db);
  await refreshReaderCache(request);

  // The probe can see: the published claims and the protected source's reason are there, so an empty answer is not
  // what passes this test.
  const page = await request.get(`/claims/${s.publicSlug}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain("The witness lives in the strike area.");
  expect(html).toContain("Identity withheld");
  expect(html).toContain("application/ld+json");
  expect(await (await request.get(`/claims/${s.derivedSlug}`)).text()).toMatch(/Repeats: (<!-- -->)?Identity withheld/);
  const withdrawnPage = await request.get(`/claims/${s.withdrawnSlug}`, { failOnStatusCode: false });
  expect(withdrawnPage.status()).toBe(410);
  expect(await withdrawnPage.text()).toContain("The footage we relied on was from another year.");

  const found: string[] = [];
  for (const surface of surfaces(s)) {
    const variants: Record<string, string>[] = surface.rsc ? [{}, { RSC: "1" }] : [{}];
    for (const headers of variants) {
      const response = await request.get(surface.path, { headers, maxRedirects: 0, failOnStatusCode: false });
      expect(response.status(), surface.path).toBeLessThan(500);
      const leaked = leaks(await response.text(), s, surface.echoed);
      if (leaked.length) found.push(`${surface.path}${"RSC" in headers ? " (RSC)" : ""}: ${leaked.join(", ")}`);
    }
  }
  expect(found).toEqual([]);

  // The draft's and the hidden actor's addresses are real 404s, like an unknown slug's.
  for (const p of [`/claims/${s.draftSlug}`, `/actors/${s.actorSlug}`, `/api/claims/${s.draftSlug}`]) {
    expect((await request.get(p, { failOnStatusCode: false })).status(), p).toBe(404);
  }
  // The search and the filters find nothing of the draft, and say the hidden actor does not exist.
  const search = (await (await request.get(`/api/claims?q=${s.word}`)).json()) as { total: number };
  expect(search.total).toBe(0);
  const byActor = await request.get(`/api/claims?actor=${s.actorSlug}`, { failOnStatusCode: false });
  expect(byActor.status()).toBe(400);
  expect(await byActor.text()).toContain(`There is no actor “${s.actorSlug}”`);
  const csv = await (await request.get(`/api/claims.csv?q=${s.word}`)).text();
  expect(csv.trim().split("\n")).toHaveLength(1);
});

test("the cached reader functions, called as Server Actions with the secrets' slugs, return none of them", async ({
  request,
  db,
}) => {
  const s = await makeSecrets(db);
  await refreshReaderCache(request);
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const cached = Object.entries(manifest.node).filter(([, e]) => e.exportedName?.startsWith("$$RSC_SERVER_CACHE"));
  expect(cached.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const [id] of cached) {
    for (const args of [
      [s.draftSlug],
      [s.actorSlug],
      [s.withdrawnSlug],
      [{ actor: s.actorSlug, sort: "newest", page: 1 }],
    ]) {
      const response = await callAction(request, id, args, { path: "/" });
      expect(response.status, id).toBeLessThan(500);
      const leaked = leaks(response.body, s, [s.draftSlug, s.actorSlug]);
      if (leaked.length) found.push(`${id} ${JSON.stringify(args)}: ${leaked.join(", ")}`);
    }
  }
  expect(found).toEqual([]);
});

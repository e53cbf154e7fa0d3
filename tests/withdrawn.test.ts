import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClaim, unique } from "@/test-support/builders";
import { republishTestClaim, withdrawTestClaim } from "@/test-support/withdraw";
import { toApiWithdrawal } from "@/lib/api/withdrawal-json";
import { parseWithdrawalParams } from "@/lib/api/withdrawal-params";
import { CORRECTIONS_PAGE_SIZE, listCorrections } from "@/lib/data/reads/corrections";
import { claimPageState } from "@/lib/data/reads/exists";
import { FEED_LIMIT, listFeedChanges } from "@/lib/data/reads/feed";
import { getWithdrawnClaim, listWithdrawals } from "@/lib/data/reads/withdrawn";
import { statusChangeFeed } from "@/lib/feed/status-feed";
import type { Db } from "@/lib/db/create-client";
import { createTestDb } from "./helpers/test-db";
import { xmlProblems } from "./helpers/xml-well-formed";

// The reader side of a withdrawal (docs/decisions/0022-withdrawn-claims-answer-410.md): what the proxy answers for a
// claim's URL, the 410 page's data, /corrections, the feed and the API's listing. Each test file has its own
// database, so the lists below hold only what these tests made.

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(async () => cleanup());

const REASON = "The video was from a 2019 exercise, not this week's strikes.";
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour));

describe("a withdrawn claim", () => {
  it("is 'withdrawn' at its URL; a never-published draft is missing; publishing again restores the page", async () => {
    const claim = await makeTestClaim(db, { status: "FALSE" });
    const draft = await makeTestClaim(db, { status: "FALSE", published: false });
    expect(await claimPageState(db, claim.slug)).toBe("published");
    expect(await claimPageState(db, draft.slug)).toBe("missing");
    expect(await claimPageState(db, unique("no-such-claim"))).toBe("missing");

    await withdrawTestClaim(db, claim.id, REASON, at(20));
    expect(await claimPageState(db, claim.slug)).toBe("withdrawn");
    expect(await getWithdrawnClaim(db, draft.slug)).toBeNull();
    expect(await getWithdrawnClaim(db, claim.slug)).toMatchObject({
      slug: claim.slug,
      statement: claim.statement,
      status: "FALSE",
      claimant: claim.claimant.name,
      withdrawnAt: at(20),
      reason: REASON,
    });

    await republishTestClaim(db, claim.id);
    expect(await claimPageState(db, claim.slug)).toBe("published");
    expect(await getWithdrawnClaim(db, claim.slug)).toBeNull();
  });

  it("a draft that carries a stray withdrawalReason but no withdrawnAt is still missing", async () => {
    const draft = await makeTestClaim(db, { published: false });
    await db.claim.update({ where: { id: draft.id }, data: { withdrawalReason: REASON } });
    expect(await claimPageState(db, draft.slug)).toBe("missing");
    expect(await getWithdrawnClaim(db, draft.slug)).toBeNull();
  });

  it("appears in the API as slug, statement, last verdict, date and reason", async () => {
    const claim = await makeTestClaim(db, { status: "MISLEADING", statusRationale: "Cropped photo." });
    await withdrawTestClaim(db, claim.id, REASON, at(21));
    const withdrawn = await getWithdrawnClaim(db, claim.slug);
    expect(withdrawn && toApiWithdrawal(withdrawn)).toEqual({
      slug: claim.slug,
      url: expect.stringMatching(new RegExp(`/claims/${claim.slug}$`)),
      statement: claim.statement,
      kind: "FACT",
      claimant: claim.claimant.name,
      status: "MISLEADING",
      statusLabel: "Misleading",
      statusRationale: "Cropped photo.",
      withdrawnAt: "2026-11-21T10:00:00.000Z",
      reason: REASON,
    });
  });

  it("shows the verdict readers last saw, not a change made after the withdrawal", async () => {
    const claim = await makeTestClaim(db, {
      status: "CONFIRMED",
      statusRationale: "Changed while withdrawn.",
      statusHistory: [
        { from: "UNVERIFIED", to: "FALSE", rationale: "Public verdict.", createdAt: at(10) },
        { from: "FALSE", to: "CONFIRMED", rationale: "Changed while withdrawn.", createdAt: at(12) },
      ],
    });
    await withdrawTestClaim(db, claim.id, REASON, at(11));
    const verdict = { status: "FALSE", rationale: "Public verdict." };
    expect(await getWithdrawnClaim(db, claim.slug)).toMatchObject(verdict);
    expect((await listWithdrawals(db, 1, 100)).withdrawals.find((w) => w.id === claim.id)).toMatchObject(verdict);
    const entries = [...(await listCorrections(db, 1)).corrections, ...(await listCorrections(db, 2)).corrections];
    expect(entries.find((e) => e.entry === "withdrawal" && e.id === claim.id)).toMatchObject(verdict);
    // Imported without a history: its own status is the last verdict.
    const imported = await makeTestClaim(db, { status: "MISLEADING", statusRationale: "Imported.", statusHistory: [] });
    await withdrawTestClaim(db, imported.id, REASON, at(11));
    expect(await getWithdrawnClaim(db, imported.slug)).toMatchObject({ status: "MISLEADING", rationale: "Imported." });
  });
});

describe("/corrections with withdrawals", () => {
  it("lists withdrawals and corrections on one timeline, newest first, paginated; never a draft's", async () => {
    const before = await listCorrections(db);
    // A correction while public (kept after the withdrawal), one after it (never public: left out).
    const corrected = await makeTestClaim(db, {
      status: "DISPUTED",
      statusHistory: [
        { from: "UNVERIFIED", to: "CONFIRMED", rationale: "Two reports.", createdAt: at(1) },
        { from: "CONFIRMED", to: "DISPUTED", rationale: "Public correction.", isCorrection: true, createdAt: at(2) },
        { from: "DISPUTED", to: "FALSE", rationale: "Unseen change.", isCorrection: true, createdAt: at(5) },
      ],
    });
    await withdrawTestClaim(db, corrected.id, `Withdrawn ${REASON}`, at(3));
    await makeTestClaim(db, {
      published: false,
      statusHistory: [{ from: "FALSE", to: "DISPUTED", rationale: "Draft correction.", isCorrection: true }],
    });
    // Enough withdrawals for a second page, one a day from 6 November on.
    const many = [];
    for (let i = 0; i < CORRECTIONS_PAGE_SIZE; i++) {
      const claim = await makeTestClaim(db, { status: "FALSE" });
      await withdrawTestClaim(db, claim.id, `Reason number ${i} ${REASON}`, at(6 + (i % 20), i % 24));
      many.push(claim);
    }

    const first = await listCorrections(db, 1);
    const second = await listCorrections(db, 2);
    expect(first.total).toBe(before.total + CORRECTIONS_PAGE_SIZE + 2);
    expect(first.withdrawals).toBe(before.withdrawals + CORRECTIONS_PAGE_SIZE + 1);
    expect(first.corrections).toHaveLength(CORRECTIONS_PAGE_SIZE);
    const all = [...first.corrections, ...second.corrections];
    expect(all).toHaveLength(first.total);
    const time = (e: (typeof all)[number]) => (e.entry === "withdrawal" ? e.withdrawnAt : e.createdAt).getTime();
    expect(all.map(time)).toEqual(all.map(time).sort((a, b) => b - a));

    const texts = all.map((e) => (e.entry === "withdrawal" ? e.reason : e.rationale));
    expect(texts).toContain("Public correction.");
    expect(texts).toContain(`Withdrawn ${REASON}`);
    expect(texts).not.toContain("Unseen change.");
    expect(texts).not.toContain("Draft correction.");
    // The oldest entries close the list: the withdrawal of 3 November, then the correction of 2 November.
    expect(all.slice(-2).map((e) => e.entry)).toEqual(["withdrawal", "correction"]);
    expect(all.filter((e) => e.entry === "withdrawal").map((e) => e.slug)).toEqual(
      expect.arrayContaining([corrected.slug, ...many.map((c) => c.slug)]),
    );

    // Published again: it leaves the withdrawals, and its public correction stays.
    await republishTestClaim(db, corrected.id);
    const after = await listCorrections(db, 1);
    expect(after.withdrawals).toBe(first.withdrawals - 1);
  });
});

describe("the API's listing", () => {
  it("pages through withdrawals, newest first", async () => {
    const { total } = await listWithdrawals(db, 1, 100);
    const claim = await makeTestClaim(db, { status: "FALSE" });
    await withdrawTestClaim(db, claim.id, REASON, at(29, 23));
    const page = await listWithdrawals(db, 1, 2);
    expect(page).toMatchObject({ total: total + 1, page: 1, pageSize: 2, pageCount: Math.ceil((total + 1) / 2) });
    expect(page.withdrawals[0]?.slug).toBe(claim.slug);
    const rest = await listWithdrawals(db, 2, 2);
    expect(rest.withdrawals.map((w) => w.slug)).not.toContain(claim.slug);
  });

  it("reads page and pageSize strictly and names every bad parameter", () => {
    expect(parseWithdrawalParams(new URLSearchParams(""))).toEqual({ ok: true, page: 1, pageSize: 20 });
    expect(parseWithdrawalParams(new URLSearchParams("page=3&pageSize=100"))).toEqual({
      ok: true,
      page: 3,
      pageSize: 100,
    });
    const bad = parseWithdrawalParams(new URLSearchParams("page=0&pageSize=101&status=FALSE&page=2"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.param).sort()).toEqual(["page", "pageSize", "status"]);
  });

  it("either accepts a query within bounds or names a parameter (500 generated query strings)", () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 200_000 }).map(String));
    const name = fc.constantFrom("page", "pageSize", "q", "", "PAGE");
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 4 }), (pairs) => {
        const result = parseWithdrawalParams(new URLSearchParams(pairs));
        if (result.ok) {
          expect(Number.isInteger(result.page) && result.page >= 1 && result.page <= 100_000).toBe(true);
          expect(Number.isInteger(result.pageSize) && result.pageSize >= 1 && result.pageSize <= 100).toBe(true);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(pairs.map(([n]) => n)).toContain(issue.param);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the feed", () => {
  it("has a 'Withdrawn: …' entry with the reason, linking to the claim's URL, among the status changes", async () => {
    const marker = unique("feed");
    const claim = await makeTestClaim(db, { statement: `Tom & Jerry <b>withdrawn</b> ${marker}.` });
    // A second after every status change made so far (their times are "now"), so it heads the feed.
    const when = new Date(Date.now() + 1_000);
    await withdrawTestClaim(db, claim.id, `Reason & <more> ${REASON}`, when);
    const { withdrawals } = await listWithdrawals(db, 1, FEED_LIMIT);
    const xml = statusChangeFeed(
      await listFeedChanges(db),
      { siteUrl: "https://claims.example.org", publisherName: "Claimwatch" },
      new Date(),
      withdrawals,
    );
    const text = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
      data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
    expect(xmlProblems(text)).toEqual([]);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1] ?? "");
    expect(entries.length).toBeLessThanOrEqual(FEED_LIMIT);
    const first = entries[0] ?? "";
    expect(first).toContain(`<![CDATA[Withdrawn: Tom &amp; Jerry &lt;b&gt;withdrawn&lt;/b&gt; ${marker}]]>`);
    expect(first).toContain(`Reason: Reason &amp; &lt;more&gt; ${REASON.replace("'", "&apos;")}`);
    expect(first).toContain(`<link href="https://claims.example.org/claims/${claim.slug}"/>`);
    expect(first).toContain(`<id>tag:claims.example.org,2026:withdrawal:${claim.id}-${when.getTime()}</id>`);
    const updated = entries.map((e) => Date.parse(/<updated>([^<]+)<\/updated>/.exec(e)?.[1] ?? ""));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });
});

import { expect, test } from "../fixtures";
import { baseURL } from "../db";
import { actionId, callAction } from "../server-actions";
import { STACK_INSTANCE_URLS } from "../../playwright.config";
import { makeTestClaim } from "@/test-support/builders";

// The deployment of docs/deploy.md (scripts/stack.sh): two instances behind nginx, one database, one Redis. Each
// instance is also reached directly here, the way nginx reaches it: with the public host in X-Forwarded-Host, so
// the Origin of a Server Action is the site's (SITE_URL is nginx's address).

const [A, B] = STACK_INSTANCE_URLS as [string, string];
const asProxied = { "x-forwarded-host": new URL(baseURL).host };
/** The verdict box and the timeline of a claim page's HTML: what a status change changes. */
const verdictAndTimeline = (html: string) =>
  [/data-testid="verdict"[\s\S]*?<\/section>/, /data-testid="status-timeline"[\s\S]*?<\/ol>/]
    .map((re) => re.exec(html)?.[0] ?? "(missing)")
    .join("\n");

test("a status change through instance A is visible through instance B on the next request", async ({
  db,
  request,
  editor,
}) => {
  const claim = await makeTestClaim(db, { status: "UNVERIFIED" });
  const readThroughB = async () => verdictAndTimeline(await (await request.get(`${B}/claims/${claim.slug}`)).text());
  // B renders the page and keeps it in its caches (Next's page cache and 'use cache' entries).
  expect(await readThroughB()).toContain("Unverified");
  expect(await readThroughB()).not.toContain("In review");

  const { version } = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
  const response = await callAction(
    request,
    actionId("changeStatusAction", "status-actions"),
    [{ claimId: claim.id, version, status: "IN_REVIEW", rationale: "Checking the footage the ministry released." }],
    { base: A, path: `/editor/claims/${claim.id}`, cookie: editor.cookie, headers: asProxied },
  );
  expect(response.result).toMatchObject({ ok: true });

  // The very next request to B, with no waiting: A's invalidation reached B through the shared cache.
  const page = await readThroughB();
  expect(page).toContain("In review");
  expect(page).toContain("Checking the footage the ministry released.");
});

test("20 simultaneous saves of one version across both instances: exactly one wins, the rest are told", async ({
  db,
  request,
  editor,
}) => {
  const made = await makeTestClaim(db, { status: "UNVERIFIED" });
  const claim = await db.claim.findUniqueOrThrow({
    where: { id: made.id },
    select: { id: true, slug: true, version: true, category: true, kind: true, claimantId: true, claimedAt: true },
  });
  const updateId = actionId("updateClaimAction", "claim-actions");
  const save = (i: number) =>
    callAction(
      request,
      updateId,
      [
        {
          claimId: claim.id,
          version: claim.version,
          slug: claim.slug,
          statement: `Save number ${i} of the same version: forces struck a depot near the border.`,
          category: claim.category,
          kind: claim.kind,
          claimant: { mode: "existing", actorId: claim.claimantId },
          claimedAt: claim.claimedAt.toISOString().slice(0, 10),
        },
      ],
      { base: i % 2 === 0 ? A : B, path: `/editor/claims/${claim.id}`, cookie: editor.cookie, headers: asProxied },
    );
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => save(i)));

  // Every request got an answer of the action (no 500), one of them a success.
  expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
  const results = responses.map((r) => r.result as { ok?: boolean; formError?: string } | undefined);
  const winners = results.flatMap((r, i) => (r?.ok ? [i] : []));
  expect(winners).toHaveLength(1);
  for (const r of results.filter((r) => !r?.ok)) expect(r?.formError ?? "").not.toBe("");

  const stored = await db.claim.findUniqueOrThrow({
    where: { id: claim.id },
    select: { version: true, statement: true },
  });
  expect(stored.version).toBe(claim.version + 1);
  expect(stored.statement).toBe(
    `Save number ${winners[0]} of the same version: forces struck a depot near the border.`,
  );
  // One audit event for the one write that happened.
  expect(await db.auditEvent.count({ where: { entity: "Claim", entityId: String(claim.id), action: "update" } })).toBe(
    1,
  );
});

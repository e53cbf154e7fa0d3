import fc from "fast-check";
import type { APIRequestContext } from "@playwright/test";
import { makeTestClaim, makeTestSession, makeTestUser, unique, type TestClaim } from "@/test-support/builders";
import { expect, sessionCookieHeader, test } from "./fixtures";
import { e2eDb } from "./db";
import { FUZZ_SEED, hostileText } from "./fuzz";
import { approveProposal } from "@/lib/data/writes/proposals";
import { actionId, callAction } from "./server-actions";

// Issue 10's fuzzing of every editor Server Action over HTTP as a signed-in editor: 200 generated requests each —
// the valid input, the valid input with one field made hostile (huge, control characters, lone surrogates, wrong
// types, negative or huge numbers, unknown enum values), extra keys, a hostile value instead of the input, and
// malformed bodies. Never a 5xx; a refusal leaves the claim, its relations and the editor's audit trail exactly as
// they were; the valid input is accepted. fc.assert prints the seed on failure.

test.describe.configure({ timeout: 600_000 });

const RUNS = 200;

type Ctx = {
  claim: TestClaim;
  other: TestClaim;
  version: number;
  request: APIRequestContext;
  editor: { id: number; cookie: string };
};
type Action = {
  name: string;
  module: string;
  /** the valid input at the claim's current version; may first call another action (to have something to remove) */
  valid: (ctx: Ctx) => Promise<Record<string, unknown>>;
};

async function call(
  ctx: Ctx,
  action: { name: string; module: string },
  input: unknown,
  body?: { text: string; type?: string },
) {
  const path = action.name === "createClaimAction" ? "/editor/claims/new" : `/editor/claims/${ctx.claim.id}`;
  return callAction(ctx.request, actionId(action.name, action.module), [input], {
    path,
    cookie: ctx.editor.cookie,
    body: body?.text,
    // A refused body may be answered before it is read to the end: such a connection is not used again.
    headers: body ? { Connection: "close", ...(body.type ? { "Content-Type": body.type } : {}) } : undefined,
  });
}

const CLAIM_ACTIONS = "claim-actions";
const base = (ctx: Ctx) => ({ claimId: ctx.claim.id, version: ctx.version });
const claimFields = (ctx: Ctx) => ({
  statement: `Fuzzed ${unique("claim")}`,
  category: "OTHER",
  kind: "FACT",
  claimant: { mode: "existing", actorId: ctx.claim.claimant.id },
  claimedAt: "2026-11-20",
  // The actors it is about (lib/validation/claim.ts, aboutField): a list the fuzzer replaces with hostile values.
  about: [ctx.claim.claimant.id],
});

const attachInput = (ctx: Ctx) => ({
  ...base(ctx),
  stance: "CONTEXT",
  source: { mode: "new", fields: { title: unique("Fuzzed source"), type: "OTHER", protected: false } },
});
const figureInput = (ctx: Ctx) => ({
  ...base(ctx),
  reportedById: ctx.claim.claimant.id,
  population: "CIVILIANS",
  outcome: "INJURED",
  min: 1,
  max: 2,
  noSourceReason: "Read out at a press briefing; no transcript.",
});
const linkInput = (ctx: Ctx) => ({ ...base(ctx), type: "QUALIFIES", targetId: ctx.other.id });

const ACTIONS: Action[] = [
  { name: "createClaimAction", module: "claims/new/actions", valid: async (ctx) => claimFields(ctx) },
  { name: "updateClaimAction", module: CLAIM_ACTIONS, valid: async (ctx) => ({ ...base(ctx), ...claimFields(ctx) }) },
  {
    name: "setPublishedAction",
    module: CLAIM_ACTIONS,
    valid: async (ctx) => {
      const db = await e2eDb();
      // Taking the claim down is proposed for review, one proposal at a time: the last run's is approved first, by
      // another editor through the write itself, so the claim alternates and its version moves on as in real use
      // (a version stuck at 1 would let a fuzzed claimId reach another action's untouched claim).
      const pending = await db.proposal.findFirst({ where: { claimId: ctx.claim.id, state: "PENDING" } });
      if (pending) {
        const reviewer = await makeTestUser(db, { role: "EDITOR" });
        const approved = await approveProposal(db, reviewer, { claimId: ctx.claim.id, proposalId: pending.id });
        expect(approved, "approving the last run's proposal").toMatchObject({ ok: true });
        ctx.version += 1;
      }
      const claim = await db.claim.findUniqueOrThrow({ where: { id: ctx.claim.id } });
      return claim.publishedAt === null
        ? { ...base(ctx), publish: true, confirm: true }
        : { ...base(ctx), publish: false, reason: `Fuzzed retraction reason ${unique("why")}` };
    },
  },
  {
    name: "changeStatusAction",
    module: "status-actions",
    valid: async (ctx) => {
      const claim = await (await e2eDb()).claim.findUniqueOrThrow({ where: { id: ctx.claim.id } });
      const status = claim.status === "IN_REVIEW" ? "UNVERIFIED" : "IN_REVIEW";
      return { ...base(ctx), status, rationale: `Fuzzed ${unique("rationale")}` };
    },
  },
  { name: "attachSourceAction", module: "source-actions", valid: async (ctx) => attachInput(ctx) },
  {
    name: "detachSourceAction",
    module: "source-actions",
    valid: async (ctx) => {
      // Something to remove, written straight to the database (the attach action has its own run above).
      const db = await e2eDb();
      const source = await db.source.create({ data: { title: unique("Fuzzed source"), type: "OTHER" } });
      await db.claimSource.create({ data: { claimId: ctx.claim.id, sourceId: source.id, stance: "CONTEXT" } });
      return { ...base(ctx), sourceId: source.id };
    },
  },
  { name: "addFigureAction", module: "figure-actions", valid: async (ctx) => figureInput(ctx) },
  {
    name: "removeFigureAction",
    module: "figure-actions",
    valid: async (ctx) => {
      const figure = await (
        await e2eDb()
      ).casualtyFigure.create({
        data: {
          claimId: ctx.claim.id,
          reportedById: ctx.claim.claimant.id,
          population: "CIVILIANS",
          outcome: "KILLED",
          min: 1,
          max: 1,
        },
      });
      return { ...base(ctx), figureId: figure.id };
    },
  },
  {
    name: "addLinkAction",
    module: "link-actions",
    valid: async (ctx) => {
      // One link per pair: remove an earlier one so the valid input is valid again.
      await (await e2eDb()).claimLink.deleteMany({ where: { fromId: ctx.claim.id, toId: ctx.other.id } });
      return linkInput(ctx);
    },
  },
  {
    name: "removeLinkAction",
    module: "link-actions",
    valid: async (ctx) => {
      const db = await e2eDb();
      await db.claimLink.deleteMany({ where: { fromId: ctx.claim.id, toId: ctx.other.id } });
      const link = await db.claimLink.create({ data: { fromId: ctx.claim.id, toId: ctx.other.id, type: "DENIES" } });
      return { ...base(ctx), linkId: link.id };
    },
  },
  {
    // Shows the claimant to readers, or stops; the valid input flips it, so every valid call is a real write.
    name: "setActorPublishedAction",
    module: "actor-actions",
    valid: async (ctx) => {
      const actor = await (
        await e2eDb()
      ).actor.findUniqueOrThrow({
        where: { id: ctx.claim.claimant.id },
        select: { published: true },
      });
      return { actorId: ctx.claim.claimant.id, published: !actor.published };
    },
  },
];

/**
 * Internal notes (issue 11, item 4), fuzzed in a test of their own: with them side by side with the others, the
 * loaded machine reset connections (ECONNRESET, no status) more often than it answered.
 */
const NOTE_ACTIONS: Action[] = [
  // The valid input mentions nobody, so it is accepted.
  {
    name: "addNoteAction",
    module: "note-actions",
    valid: async (ctx) => ({ claimId: ctx.claim.id, text: unique("Fuzzed note") }),
  },
  {
    name: "editNoteAction",
    module: "note-actions",
    valid: async (ctx) => {
      const note = await (
        await e2eDb()
      ).claimNote.create({ data: { claimId: ctx.claim.id, authorId: ctx.editor.id, text: "Fuzzed note" } });
      return { noteId: note.id, version: 1, text: unique("Edited fuzzed note") };
    },
  },
];

/** Two accounts the assignment alternates between, so that every valid input changes something. */
let assignees: Promise<[number, number]> | undefined;
async function twoAssignees(): Promise<[number, number]> {
  assignees ??= e2eDb().then(async (db) => [(await makeTestUser(db)).id, (await makeTestUser(db)).id]);
  return assignees;
}

/** Assignment (issue 11, item 3), in a test of its own for the same reason as the notes. */
const ASSIGN_ACTIONS: Action[] = [
  {
    name: "assignClaimAction",
    module: "assign-actions",
    valid: async (ctx) => {
      const [a, b] = await twoAssignees();
      const { assigneeId } = await (
        await e2eDb()
      ).claim.findUniqueOrThrow({ where: { id: ctx.claim.id }, select: { assigneeId: true } });
      return { claimId: ctx.claim.id, assigneeId: assigneeId === a ? b : a };
    },
  },
];

/**
 * Issue 11's later actions, fuzzed in a test of their own for the same reason as the notes: the claimant's side, a
 * checklist tick, and the claim edit checked field by field (with the values the form was opened with).
 */
const LATER_ACTIONS: Action[] = [
  {
    // The valid input moves the side to a new label, so every valid call is a real write.
    name: "setActorSideAction",
    module: "actor-actions",
    valid: async (ctx) => ({ actorId: ctx.claim.claimant.id, side: unique("Fuzzed side") }),
  },
  {
    // Ticks the first open step, or unticks it when it is ticked: every valid call is a real write.
    name: "tickStepAction",
    module: "checklist-actions",
    valid: async (ctx) => {
      const db = await e2eDb();
      const step = await db.checklistStep.findFirstOrThrow({
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      const ticked = await db.checklistTick.count({ where: { claimId: ctx.claim.id, stepId: step.id } });
      return { claimId: ctx.claim.id, stepId: step.id, done: ticked === 0 };
    },
  },
  {
    name: "updateClaimAction",
    module: CLAIM_ACTIONS,
    valid: async (ctx) => {
      const claim = await (
        await e2eDb()
      ).claim.findUniqueOrThrow({
        where: { id: ctx.claim.id },
        select: { slug: true, statement: true, category: true, kind: true, claimedAt: true, claimantId: true },
      });
      const openedWith = {
        slug: claim.slug,
        statement: claim.statement,
        originalText: "",
        originalLanguage: "",
        category: claim.category,
        kind: claim.kind,
        claimedAt: claim.claimedAt.toISOString().slice(0, 10),
        location: "",
        claimantId: String(claim.claimantId),
        incidentId: "",
      };
      return { ...base(ctx), ...claimFields(ctx), openedWith };
    },
  },
];

/**
 * Review of a proposal (issue 11, item 1), in a test of its own like the notes. Each valid input gets a fresh
 * pending proposal on the claim: by another editor for approve and send back, by this editor for withdraw.
 */
async function freshProposal(ctx: Ctx, byThisEditor: boolean): Promise<number> {
  const db = await e2eDb();
  await db.proposal.updateMany({ where: { claimId: ctx.claim.id, state: "PENDING" }, data: { state: "WITHDRAWN" } });
  const claim = await db.claim.findUniqueOrThrow({ where: { id: ctx.claim.id }, select: { status: true } });
  const proposer = byThisEditor ? ctx.editor.id : (await makeTestUser(db, { role: "EDITOR" })).id;
  const proposal = await db.proposal.create({
    data: {
      claimId: ctx.claim.id,
      kind: "VERDICT",
      status: claim.status === "FALSE" ? "MISLEADING" : "FALSE",
      rationale: `Fuzzed proposal ${unique("rationale")}: the footage is older.`,
      claimVersion: ctx.version,
      proposerId: proposer,
    },
    select: { id: true },
  });
  return proposal.id;
}

const REVIEW_ACTIONS: Action[] = [
  {
    name: "approveProposalAction",
    module: "proposal-actions",
    valid: async (ctx) => ({ claimId: ctx.claim.id, proposalId: await freshProposal(ctx, false) }),
  },
  {
    name: "sendBackProposalAction",
    module: "proposal-actions",
    valid: async (ctx) => ({
      claimId: ctx.claim.id,
      proposalId: await freshProposal(ctx, false),
      comment: unique("Fuzzed comment"),
    }),
  },
  {
    name: "withdrawProposalAction",
    module: "proposal-actions",
    valid: async (ctx) => ({ claimId: ctx.claim.id, proposalId: await freshProposal(ctx, true) }),
  },
];

/** Values of any JSON type a crafted request can put where a field belongs. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("UNKNOWN", "verified", "ADMIN", "__proto__", "x".repeat(100_000)),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.constantFrom({ mode: "existing", actorId: -1 }, { mode: "new", actor: { name: "\ud800", kind: "X" } }),
);

/** Bodies that are not what React sends: the proxy refuses them, or the action's schema does. */
const malformedBody = fc.oneof(
  fc.constantFrom(
    { text: "not json" },
    { text: "null" },
    { text: "{}" },
    { text: "[]" },
    { text: '["$@1"]' },
    { text: '["$K1"]' },
    { text: "[".repeat(100_000) + "]".repeat(100_000) },
    { text: `[${JSON.stringify("x".repeat(1_100_000))}]` },
    { text: '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1', type: "multipart/form-data; boundary=x" },
    { text: "[{}]", type: "application/json" },
    { text: "[{}]", type: "application/x-www-form-urlencoded" },
  ),
  hostileText.map((text) => ({ text })),
  fc.json({ maxDepth: 4 }).map((text) => ({ text })),
);

type Plan =
  | { kind: "valid" }
  | { kind: "field"; pick: number; value: unknown }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "whole"; value: unknown }
  | { kind: "body"; body: { text: string; type?: string } };

const plan: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "valid" as const }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("field" as const), pick: fc.nat(), value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("extra" as const),
      key: fc.oneof(fc.constantFrom("id", "claimantId", "publishedAt", "createdById", "constructor"), hostileText),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole" as const), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("body" as const), body: malformedBody }) },
);

/** Every leaf path of an input, nested objects included (the claimant, a new source's fields). */
function leafPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? [[...prefix, k], ...leafPaths(v as Record<string, unknown>, [...prefix, k])]
      : [[...prefix, k]],
  );
}
function setPath(value: Record<string, unknown>, path: string[], to: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...value, [head]: rest.length ? setPath(value[head] as Record<string, unknown>, rest, to) : to };
}

/**
 * What an editor's write can change: the claim and its relations, and the editor's audit trail, which every write
 * extends in the same transaction (lib/data/writes/record-audit.ts) — so a claim, actor or source made anywhere by
 * this editor moves it too. Counts of whole tables would see the other actions fuzzed alongside.
 */
async function snapshot(ctx: Ctx) {
  const db = await e2eDb();
  const [claim, audits] = await Promise.all([
    db.claim.findUniqueOrThrow({
      where: { id: ctx.claim.id },
      select: {
        version: true,
        slug: true,
        statement: true,
        status: true,
        statusRationale: true,
        publishedAt: true,
        claimantId: true,
        assigneeId: true,
        _count: {
          select: {
            sources: true,
            figures: true,
            linksFrom: true,
            linksTo: true,
            statusChanges: true,
            notes: true,
            ticks: true,
            proposals: true,
            about: true,
          },
        },
      },
    }),
    db.auditEvent.count({ where: { userId: ctx.editor.id } }),
  ]);
  const actor = await db.actor.findUniqueOrThrow({
    where: { id: claim.claimantId },
    select: { published: true, side: true },
  });
  return { claim, audits, actor };
}

/**
 * The claims and actors the fuzzed actions own. A hostile number that happens to be another action's claim or
 * claimant id is a real target: an editor may add a figure or a link to any claim, and since additions check their
 * own rows rather than the form's version (docs/decisions/0025-conflicts-per-field.md) such a write is accepted —
 * and the other action's "a refusal changed nothing" check would see it. Such a number is swapped for an id nobody
 * has, so each action's claims change only through its own requests.
 */
const ownedClaims = new Set<number>();
const ownedActors = new Set<number>();
const NOBODY = 2_000_000_000;

function awayFromOthers(value: unknown, ctx: Ctx): unknown {
  // Ids travel as numbers or as digits in text (lib/validation/fields.ts reads " 17 " and "17.0" as 17).
  const id = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim() || NaN) : NaN;
  if (!Number.isFinite(id)) return value;
  const mine = [ctx.claim.id, ctx.other.id, ctx.claim.claimant.id, ctx.other.claimant.id];
  if (mine.includes(id)) return value;
  return ownedClaims.has(id) || ownedActors.has(id) ? NOBODY : value;
}

/** The fuzzing of one action, with its own claims and its own editor so that actions can run side by side. */
async function fuzzAction(action: Action, request: APIRequestContext): Promise<number> {
  const db = await e2eDb();
  const user = await makeTestUser(db, { role: "EDITOR" });
  const { token } = await makeTestSession(db, user.id);
  const editor = { id: user.id, cookie: sessionCookieHeader(token) };
  const other = await makeTestClaim(db);
  const claim = await makeTestClaim(db);
  const ctx: Ctx = { claim, other, version: 1, request, editor };
  for (const c of [claim, other]) {
    ownedClaims.add(c.id);
    ownedActors.add(c.claimant.id);
  }
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(plan, async (p) => {
      runs++;
      ctx.version = (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version;
      const valid = await action.valid(ctx);
      let input: unknown = valid;
      if (p.kind === "field") {
        const paths = leafPaths(valid);
        input = setPath(valid, paths[p.pick % paths.length]!, awayFromOthers(p.value, ctx));
      } else if (p.kind === "extra") input = { ...valid, [p.key]: p.value };
      else if (p.kind === "whole") input = p.value;
      const before = await snapshot(ctx);
      const response = await call(ctx, action, input, p.kind === "body" ? p.body : undefined);
      const what = `${action.name}, ${p.kind} → ${response.status} ${response.body.slice(0, 300)}`;
      expect(response.status, what).toBeLessThan(500);
      const result = response.result as { ok?: boolean } | undefined;
      const accepted = result?.ok === true || response.redirect !== null;
      if (p.kind === "valid") expect(accepted, what).toBe(true);
      if (p.kind === "body") expect(accepted, what).toBe(false);
      if (!accepted) {
        // Refused: by the proxy (a 4xx with a message) or by the action (its result), never by a throw.
        if (response.status === 200) expect(result?.ok, what).toBe(false);
        else expect(response.status, what).toBeGreaterThanOrEqual(400);
        expect(await snapshot(ctx), what).toEqual(before);
      }
    }),
    { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
  );
  return runs;
}

test(`every editor Server Action: ${RUNS} generated requests each, never a 5xx or a partial write`, async ({
  request,
}) => {
  // Side by side: most of the time is the server's, and each action has its own claims and editor.
  const runs = await Promise.all(ACTIONS.map((action) => fuzzAction(action, request)));
  const counts = Object.fromEntries(ACTIONS.map((a, i) => [a.name, runs[i]]));
  console.log(`generated inputs per action: ${JSON.stringify(counts)}`);
  for (const n of runs) expect(n).toBeGreaterThanOrEqual(RUNS);
});

test(`the note actions: ${RUNS} generated requests each, never a 5xx or a partial write`, async ({ request }) => {
  const runs = await Promise.all(NOTE_ACTIONS.map((action) => fuzzAction(action, request)));
  console.log(
    `generated inputs per note action: ${JSON.stringify(Object.fromEntries(NOTE_ACTIONS.map((a, i) => [a.name, runs[i]])))}`,
  );
  for (const n of runs) expect(n).toBeGreaterThanOrEqual(RUNS);
});

test(`the assignment action: ${RUNS} generated requests, never a 5xx or a partial write`, async ({ request }) => {
  const runs = await Promise.all(ASSIGN_ACTIONS.map((action) => fuzzAction(action, request)));
  console.log(
    `generated inputs per assignment action: ${JSON.stringify(Object.fromEntries(ASSIGN_ACTIONS.map((a, i) => [a.name, runs[i]])))}`,
  );
  for (const n of runs) expect(n).toBeGreaterThanOrEqual(RUNS);
});

test(`the side, checklist and per-field edit actions: ${RUNS} generated requests each, never a 5xx or a partial write`, async ({
  request,
}) => {
  const runs = await Promise.all(LATER_ACTIONS.map((action) => fuzzAction(action, request)));
  console.log(
    `generated inputs per later action: ${JSON.stringify(Object.fromEntries(LATER_ACTIONS.map((a, i) => [a.name, runs[i]])))}`,
  );
  for (const n of runs) expect(n).toBeGreaterThanOrEqual(RUNS);
});

test(`the review actions: ${RUNS} generated requests each, never a 5xx or a partial write`, async ({ request }) => {
  const runs = await Promise.all(REVIEW_ACTIONS.map((action) => fuzzAction(action, request)));
  console.log(
    `generated inputs per review action: ${JSON.stringify(Object.fromEntries(REVIEW_ACTIONS.map((a, i) => [a.name, runs[i]])))}`,
  );
  for (const n of runs) expect(n).toBeGreaterThanOrEqual(RUNS);
});

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Db } from "@/lib/db/create-client";
import {
  makeTestClaim,
  makeTestIncident,
  makeTestSession,
  makeTestUser,
  unique,
  type TestUser,
} from "@/test-support/builders";
import { expect, sessionCookieHeader, test } from "./fixtures";
import { startIsolatedServer } from "./isolated-server";
import { decodeActionResult } from "./server-actions";

// Who may call what, as one table: every Server Action, route handler and signed-in page of the build × five
// callers, each with the status and answer it must get. Refused calls send *valid* input (so only the caller can
// be why they are refused) and the whole database must be byte-for-byte what it was; allowed calls send input the
// schema refuses, which proves the caller got through without writing anything. The build's own manifests are read
// at test time: an action, route or signed-in page missing from the table fails the test.
//
// It runs against a server of its own (e2e/isolated-server.ts) so that the checksum of every table is not
// disturbed by other specs writing at the same time.

const FOREIGN = "https://evil.example";
const REVALIDATE_SECRET = "matrix-revalidate-secret-0123456789abcdef";

/**
 * foreignOrigin and noOrigin carry the session of the role the row needs (admin for admin rows, else editor): the
 * shape of a cross-site request riding on a real session. endedSession sends a session cookie that matches no
 * session, which gets POSTs past the proxy to the action's own check (lib/actions/run-action.ts).
 */
type Caller = "anonymous" | "editor" | "admin" | "foreignOrigin" | "noOrigin" | "endedSession";
const CALLERS: Caller[] = ["anonymous", "editor", "admin", "foreignOrigin", "noOrigin", "endedSession"];

/**
 * A Server Action whose Origin is foreign or missing is refused by the proxy with a 403 before Next decodes it
 * (lib/http/action-request.ts): browsers send Origin with every POST, so a request without one is not a form.
 */
const FOREIGN_ORIGIN_STATUS = 403 as number;
const NO_ORIGIN = 403 as "reaches the action" | 403;

/** What a call must get. Every call but a sign-out must leave the database unchanged. */
type Expect =
  | { kind: "toLogin" } // 307 to /login?next=… (proxy.ts, no session)
  | { kind: "forbidden" } // 403 page (proxy.ts, signed in without the role)
  | { kind: "notFound" } // 404
  | { kind: "refusedByOrigin" } // the framework or the proxy refused it before the action ran
  | { kind: "actionRefused"; formError: RegExp } // 200, the action's own { ok: false, formError }
  | { kind: "fieldErrors" } // 200, the action ran its schema: the caller was let through
  | { kind: "redirect"; to: string } // the action redirected (sign-out)
  | { kind: "ok" } // 200 page or route answer
  | { kind: "status"; status: number }; // a route's own status (401 without the secret, 405)

/** Callers that get one of these are sent valid input: only who they are may be the reason for the refusal. */
const REFUSALS = new Set<Expect["kind"]>(["toLogin", "forbidden", "notFound", "refusedByOrigin", "actionRefused"]);

type ActionRow = {
  kind: "action";
  name: string;
  file: string;
  /** The page the action is posted to, as its form does. */
  path: (ids: Ids) => string;
  /** Valid input: what a refused caller sends. */
  valid: (ids: Ids) => unknown[];
  /** Input its schema refuses: what an allowed caller sends. */
  probe: unknown[];
  expect: Record<Caller, Expect>;
};

/** A `'use cache'` reader function: Next registers it as a server reference too (issue 10, item 1). */
type CachedRow = { kind: "cached"; file: string };

type RouteRow = {
  kind: "route";
  route: string;
  method: "GET" | "POST";
  path: (ids: Ids) => string;
  headers?: Record<string, string>;
  expect: Record<Caller, Expect>;
};

type PageRow = { kind: "page"; page: string; path: (ids: Ids) => string; expect: Record<Caller, Expect> };

type Ids = {
  claimId: number;
  claimVersion: number;
  otherClaimId: number;
  sourceId: number;
  figureId: number;
  linkId: number;
  /** a note by the editor caller, still in its 15 minutes */
  noteId: number;
  claimantId: number;
  claimSlug: string;
  claimantSlug: string;
  targetUserId: number;
  stepId: number;
  /** a pending proposal on the other claim, by an editor who is none of the callers */
  proposalId: number;
  /** an open reader's correction request on the claim */
  correctionRequestId: number;
  /** an incident with one published claim (incidentClaimId) attached: public */
  incidentId: number;
  incidentSlug: string;
  incidentClaimId: number;
  marker: string;
};

const NOT_SIGNED_IN = /not signed in/;

/** An editor action: editors and admins get through, anonymous callers are sent to /login by the proxy. */
function editorAction(name: string, file: string, path: ActionRow["path"], valid: ActionRow["valid"]): ActionRow {
  return {
    kind: "action",
    name,
    file,
    path,
    valid,
    probe: [{}],
    expect: {
      anonymous: { kind: "toLogin" },
      editor: { kind: "fieldErrors" },
      admin: { kind: "fieldErrors" },
      foreignOrigin: { kind: "refusedByOrigin" },
      noOrigin: NO_ORIGIN === 403 ? { kind: "refusedByOrigin" } : { kind: "fieldErrors" },
      endedSession: { kind: "actionRefused", formError: NOT_SIGNED_IN },
    },
  };
}

/** An admin action: an editor's POST to an admin page is a real 403 (proxy.ts); the action refuses it as well. */
function adminAction(name: string, file: string, path: ActionRow["path"], valid: ActionRow["valid"]): ActionRow {
  return {
    ...editorAction(name, file, path, valid),
    expect: {
      anonymous: { kind: "toLogin" },
      editor: { kind: "forbidden" },
      admin: { kind: "fieldErrors" },
      foreignOrigin: { kind: "refusedByOrigin" },
      noOrigin: NO_ORIGIN === 403 ? { kind: "refusedByOrigin" } : { kind: "fieldErrors" },
      endedSession: { kind: "actionRefused", formError: NOT_SIGNED_IN },
    },
  };
}

const claimPage = (ids: Ids) => `/editor/claims/${ids.claimId}`;
const otherClaimPage = (ids: Ids) => `/editor/claims/${ids.otherClaimId}`;
const userPage = (ids: Ids) => `/admin/users/${ids.targetUserId}`;
const base = (ids: Ids) => ({ claimId: ids.claimId, version: ids.claimVersion });
const CLAIM_FILE = "app/editor/claims/[id]/";
const CHECKLIST_FILE = "app/admin/checklist/actions.ts";
const CORRECTION_FILE = "app/editor/corrections/[id]/actions.ts";
const correctionPage = (ids: Ids) => `/editor/corrections/${ids.correctionRequestId}`;
const checklistPage = () => "/admin/checklist";
const INCIDENT_FILE = "app/editor/incidents/[id]/actions.ts";
const incidentPage = (ids: Ids) => `/editor/incidents/${ids.incidentId}`;
const incidentFields = (ids: Ids) => ({
  title: `Matrix incident ${ids.marker}`,
  date: "2026-11-20",
  datePrecision: "DAY",
  location: "Matrix district",
  locationPrecision: "DISTRICT",
  latitude: "33.1",
  longitude: "69.9",
});

const ACTIONS: ActionRow[] = [
  editorAction(
    "createClaimAction",
    "app/editor/claims/new/actions.ts",
    () => "/editor/claims/new",
    (ids) => [
      {
        statement: `Matrix claim ${ids.marker}`,
        category: "OTHER",
        kind: "FACT",
        claimant: { mode: "existing", actorId: ids.claimantId },
        claimedAt: "2026-11-20",
      },
    ],
  ),
  editorAction("updateClaimAction", `${CLAIM_FILE}claim-actions.ts`, claimPage, (ids) => [
    {
      ...base(ids),
      statement: `Edited ${ids.marker}`,
      category: "OTHER",
      kind: "FACT",
      claimant: { mode: "existing", actorId: ids.claimantId },
      claimedAt: "2026-11-20",
    },
  ]),
  editorAction("setPublishedAction", `${CLAIM_FILE}claim-actions.ts`, claimPage, (ids) => [
    { ...base(ids), publish: false, reason: `Matrix retraction reason ${ids.marker}` },
  ]),
  editorAction("approveProposalAction", `${CLAIM_FILE}proposal-actions.ts`, otherClaimPage, (ids) => [
    { claimId: ids.otherClaimId, proposalId: ids.proposalId },
  ]),
  editorAction("sendBackProposalAction", `${CLAIM_FILE}proposal-actions.ts`, otherClaimPage, (ids) => [
    { claimId: ids.otherClaimId, proposalId: ids.proposalId, comment: `Matrix comment ${ids.marker}` },
  ]),
  editorAction("withdrawProposalAction", `${CLAIM_FILE}proposal-actions.ts`, otherClaimPage, (ids) => [
    { claimId: ids.otherClaimId, proposalId: ids.proposalId },
  ]),
  editorAction("changeStatusAction", `${CLAIM_FILE}status-actions.ts`, claimPage, (ids) => [
    { ...base(ids), status: "IN_REVIEW", rationale: `Matrix ${ids.marker}` },
  ]),
  editorAction("attachSourceAction", `${CLAIM_FILE}source-actions.ts`, claimPage, (ids) => [
    {
      ...base(ids),
      stance: "CONTEXT",
      source: { mode: "new", fields: { title: `Source ${ids.marker}`, type: "OTHER", protected: false } },
    },
  ]),
  editorAction("detachSourceAction", `${CLAIM_FILE}source-actions.ts`, claimPage, (ids) => [
    { ...base(ids), sourceId: ids.sourceId },
  ]),
  editorAction("addFigureAction", `${CLAIM_FILE}figure-actions.ts`, claimPage, (ids) => [
    {
      ...base(ids),
      reportedById: ids.claimantId,
      population: "CIVILIANS",
      outcome: "INJURED",
      min: 1,
      max: 2,
      noSourceReason: "Read out at a press briefing; no transcript.",
    },
  ]),
  editorAction("removeFigureAction", `${CLAIM_FILE}figure-actions.ts`, claimPage, (ids) => [
    { ...base(ids), figureId: ids.figureId },
  ]),
  editorAction("addLinkAction", `${CLAIM_FILE}link-actions.ts`, claimPage, (ids) => [
    { ...base(ids), type: "QUALIFIES", targetId: ids.otherClaimId },
  ]),
  editorAction("removeLinkAction", `${CLAIM_FILE}link-actions.ts`, claimPage, (ids) => [
    { ...base(ids), linkId: ids.linkId },
  ]),
  editorAction("addNoteAction", `${CLAIM_FILE}note-actions.ts`, claimPage, (ids) => [
    { claimId: ids.claimId, text: `Matrix note ${ids.marker}` },
  ]),
  editorAction("editNoteAction", `${CLAIM_FILE}note-actions.ts`, claimPage, (ids) => [
    { noteId: ids.noteId, version: 1, text: `Edited note ${ids.marker}` },
  ]),
  editorAction("setActorPublishedAction", `${CLAIM_FILE}actor-actions.ts`, claimPage, (ids) => [
    { actorId: ids.claimantId, published: true },
  ]),
  editorAction("setActorSideAction", `${CLAIM_FILE}actor-actions.ts`, claimPage, (ids) => [
    { actorId: ids.claimantId, side: `Side ${ids.marker}` },
  ]),
  adminAction(
    "createUserAction",
    "app/admin/users/actions.ts",
    () => "/admin/users",
    (ids) => [{ email: `${ids.marker}@matrix.test`, name: "Matrix", role: "ADMIN", password: "" }],
  ),
  adminAction("disableUserAction", "app/admin/users/actions.ts", userPage, (ids) => [{ userId: ids.targetUserId }]),
  adminAction("enableUserAction", "app/admin/users/actions.ts", userPage, (ids) => [{ userId: ids.targetUserId }]),
  adminAction("changeRoleAction", "app/admin/users/actions.ts", userPage, (ids) => [
    { userId: ids.targetUserId, role: "ADMIN" },
  ]),
  adminAction("resetPasswordAction", "app/admin/users/actions.ts", userPage, (ids) => [
    { userId: ids.targetUserId, password: "a-new-password-for-matrix" },
  ]),
  adminAction("endSessionsAction", "app/admin/users/actions.ts", userPage, (ids) => [{ userId: ids.targetUserId }]),
  // Unlocks an account's sign-in throttle (lib/auth/login-attempts.ts).
  adminAction("liftSignInLockAction", "app/admin/users/actions.ts", userPage, (ids) => [{ userId: ids.targetUserId }]),
  editorAction("tickStepAction", `${CLAIM_FILE}checklist-actions.ts`, claimPage, (ids) => [
    { claimId: ids.claimId, stepId: ids.stepId, done: true },
  ]),
  adminAction("addStepAction", CHECKLIST_FILE, checklistPage, (ids) => [{ name: `Step ${ids.marker}` }]),
  adminAction("renameStepAction", CHECKLIST_FILE, checklistPage, (ids) => [
    { stepId: ids.stepId, name: `Renamed ${ids.marker}` },
  ]),
  adminAction("moveStepAction", CHECKLIST_FILE, checklistPage, (ids) => [{ stepId: ids.stepId, direction: "down" }]),
  adminAction("retireStepAction", CHECKLIST_FILE, checklistPage, (ids) => [{ stepId: ids.stepId }]),
  editorAction("assignClaimAction", `${CLAIM_FILE}assign-actions.ts`, claimPage, (ids) => [
    { claimId: ids.claimId, assigneeId: ids.targetUserId },
  ]),
  adminAction(
    "saveDeskSettingsAction",
    "app/admin/settings/actions.ts",
    () => "/admin/settings",
    () => [{ reviewRequired: false, staleReviewDays: 9 }],
  ),
  adminAction(
    "saveAboutAction",
    "app/admin/about/actions.ts",
    () => "/admin/about",
    (ids) => [{ markdown: `## About ${ids.marker}` }],
  ),
  editorAction("acceptCorrectionRequestAction", CORRECTION_FILE, correctionPage, (ids) => [
    { requestId: ids.correctionRequestId, correctionUrl: "https://claimwatch.example/corrections" },
  ]),
  editorAction("declineCorrectionRequestAction", CORRECTION_FILE, correctionPage, (ids) => [
    { requestId: ids.correctionRequestId, reason: `Matrix reason ${ids.marker}` },
  ]),
  editorAction(
    "createIncidentAction",
    "app/editor/incidents/new/actions.ts",
    () => "/editor/incidents/new",
    (ids) => [incidentFields(ids)],
  ),
  editorAction("updateIncidentAction", INCIDENT_FILE, incidentPage, (ids) => [
    { ...incidentFields(ids), incidentId: ids.incidentId, version: 1 },
  ]),
  editorAction("attachClaimAction", INCIDENT_FILE, incidentPage, (ids) => [
    { incidentId: ids.incidentId, claim: ids.claimSlug },
  ]),
  editorAction("detachClaimAction", INCIDENT_FILE, incidentPage, (ids) => [
    { incidentId: ids.incidentId, claimId: ids.incidentClaimId },
  ]),
  {
    kind: "action",
    name: "signInAction",
    file: "app/login/actions.ts",
    path: () => "/login",
    // The one anonymous action: a refusal is a wrong password, which is recorded (LoginAttempt), so every caller
    // sends input the schema refuses.
    valid: () => [{ email: "not an email", password: "x" }],
    probe: [{ email: "not an email", password: "x" }],
    expect: {
      anonymous: { kind: "fieldErrors" },
      editor: { kind: "fieldErrors" },
      admin: { kind: "fieldErrors" },
      foreignOrigin: { kind: "refusedByOrigin" },
      noOrigin: NO_ORIGIN === 403 ? { kind: "refusedByOrigin" } : { kind: "fieldErrors" },
      endedSession: { kind: "fieldErrors" },
    },
  },
  {
    kind: "action",
    name: "signOutAction",
    file: "app/logout/actions.ts",
    path: () => "/editor",
    valid: () => [],
    probe: [],
    expect: {
      anonymous: { kind: "toLogin" },
      editor: { kind: "redirect", to: "/" },
      admin: { kind: "redirect", to: "/" },
      foreignOrigin: { kind: "refusedByOrigin" },
      noOrigin: NO_ORIGIN === 403 ? { kind: "refusedByOrigin" } : { kind: "redirect", to: "/" },
      endedSession: { kind: "redirect", to: "/" }, // nothing to end: it only sends the visitor home
    },
  },
];

// The sitemap's read lives apart (lib/data/entry-points/sitemap.ts): it is probed the same way.
const CACHED: CachedRow[] = [
  { kind: "cached", file: "lib/data/entry-points/reader.ts" },
  { kind: "cached", file: "lib/data/entry-points/sitemap.ts" },
];

const everyone = (e: Expect): Record<Caller, Expect> => Object.fromEntries(CALLERS.map((c) => [c, e])) as never;
const editorsOnly: Record<Caller, Expect> = {
  anonymous: { kind: "toLogin" },
  editor: { kind: "ok" },
  admin: { kind: "ok" },
  foreignOrigin: { kind: "ok" }, // a GET changes nothing: where it came from does not matter
  noOrigin: { kind: "ok" },
  endedSession: { kind: "toLogin" },
};
const adminsOnly: Record<Caller, Expect> = { ...editorsOnly, editor: { kind: "forbidden" } };

const ROUTES: RouteRow[] = [
  // The import upload (a route handler: its body may be 50 MB). Posted as a form without JavaScript, so it answers
  // pages: a visitor without a session is sent to sign in (303), an editor gets the 403 page, a foreign or missing
  // Origin a 403, and an admin's empty body a 400 that names the problem.
  {
    kind: "route",
    route: "/admin/import/upload",
    method: "POST",
    path: () => "/admin/import/upload",
    expect: {
      anonymous: { kind: "status", status: 303 },
      editor: { kind: "forbidden" },
      admin: { kind: "status", status: 400 },
      foreignOrigin: { kind: "status", status: 403 },
      noOrigin: { kind: "status", status: 403 },
      endedSession: { kind: "status", status: 303 },
    },
  },
  { kind: "route", route: "/api/claims", method: "GET", path: () => "/api/claims", expect: everyone({ kind: "ok" }) },
  {
    kind: "route",
    route: "/api/claims/[slug]",
    method: "GET",
    path: (ids) => `/api/claims/${ids.claimSlug}`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/api/claims.csv",
    method: "GET",
    path: () => "/api/claims.csv",
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/api/withdrawals",
    method: "GET",
    path: () => "/api/withdrawals",
    expect: everyone({ kind: "ok" }),
  },
  { kind: "route", route: "/feed.xml", method: "GET", path: () => "/feed.xml", expect: everyone({ kind: "ok" }) },
  // Findability (docs/reader-pages.md): the same answer for everyone; a feed of a draft or unknown claim is a 404.
  {
    kind: "route",
    route: "/claims/[slug]/feed.xml",
    method: "GET",
    path: (ids) => `/claims/${ids.claimSlug}/feed.xml`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/claims/[slug]/feed.xml",
    method: "GET",
    path: () => "/claims/no-such-claim-anywhere/feed.xml",
    expect: everyone({ kind: "status", status: 404 }),
  },
  // Share cards (docs/decisions/0030-share-cards.md): the same image for everyone; none for a draft or unknown claim.
  {
    kind: "route",
    route: "/claims/[slug]/share-card.png",
    method: "GET",
    path: (ids) => `/claims/${ids.claimSlug}/share-card.png`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/claims/[slug]/share-card.png",
    method: "GET",
    path: () => "/claims/no-such-claim-anywhere/share-card.png",
    expect: everyone({ kind: "status", status: 404 }),
  },
  {
    kind: "route",
    route: "/actors/[slug]/feed.xml",
    method: "GET",
    path: (ids) => `/actors/${ids.claimantSlug}/feed.xml`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/actors/[slug]/feed.xml",
    method: "GET",
    path: () => "/actors/no-such-actor-anywhere/feed.xml",
    expect: everyone({ kind: "status", status: 404 }),
  },
  // An incident's feed: public with a published claim attached (docs/decisions/0026-incidents.md), else a 404.
  {
    kind: "route",
    route: "/incidents/[slug]/feed.xml",
    method: "GET",
    path: (ids) => `/incidents/${ids.incidentSlug}/feed.xml`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/incidents/[slug]/feed.xml",
    method: "GET",
    path: () => "/incidents/no-such-incident-anywhere/feed.xml",
    expect: everyone({ kind: "status", status: 404 }),
  },
  {
    kind: "route",
    route: "/incidents/[slug]/share-card.png",
    method: "GET",
    path: (ids) => `/incidents/${ids.incidentSlug}/share-card.png`,
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/incidents/[slug]/share-card.png",
    method: "GET",
    path: () => "/incidents/no-such-incident-anywhere/share-card.png",
    expect: everyone({ kind: "status", status: 404 }),
  },
  { kind: "route", route: "/sitemap.xml", method: "GET", path: () => "/sitemap.xml", expect: everyone({ kind: "ok" }) },
  { kind: "route", route: "/robots.txt", method: "GET", path: () => "/robots.txt", expect: everyone({ kind: "ok" }) },
  // Needs the secret, whoever is signed in.
  {
    kind: "route",
    route: "/api/revalidate",
    method: "POST",
    path: () => "/api/revalidate",
    expect: everyone({ kind: "status", status: 401 }),
  },
  {
    kind: "route",
    route: "/api/revalidate",
    method: "POST",
    path: () => "/api/revalidate",
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
    expect: everyone({ kind: "ok" }),
  },
  {
    kind: "route",
    route: "/editor/claim-search",
    method: "GET",
    path: (ids) => `/editor/claim-search?q=${ids.marker}`,
    expect: editorsOnly,
  },
  {
    kind: "route",
    route: "/editor/possible-duplicates",
    method: "GET",
    path: () => "/editor/possible-duplicates?statement=strike",
    expect: editorsOnly,
  },
  // A reader's correction request: public, but only from this site's pages (403 for a foreign or missing Origin);
  // a body that is not a form is refused (415) for everyone, and nothing is written.
  {
    kind: "route",
    route: "/claims/[slug]/correction-request",
    method: "POST",
    path: (ids) => `/claims/${ids.claimSlug}/correction-request`,
    expect: {
      ...everyone({ kind: "status", status: 415 }),
      foreignOrigin: { kind: "status", status: 403 },
      noOrigin: { kind: "status", status: 403 },
    },
  },
];

const PAGES: PageRow[] = [
  { kind: "page", page: "/editor/corrections/[id]", path: correctionPage, expect: editorsOnly },
  { kind: "page", page: "/admin/about", path: () => "/admin/about", expect: adminsOnly },
  { kind: "page", page: "/editor", path: () => "/editor", expect: editorsOnly },
  { kind: "page", page: "/editor/claims", path: () => "/editor/claims", expect: editorsOnly },
  { kind: "page", page: "/editor/claims/new", path: () => "/editor/claims/new", expect: editorsOnly },
  { kind: "page", page: "/editor/claims/[id]", path: claimPage, expect: editorsOnly },
  {
    kind: "page",
    page: "/editor/claims/[id]",
    path: () => "/editor/claims/999999",
    expect: { ...everyone({ kind: "notFound" }), anonymous: { kind: "toLogin" }, endedSession: { kind: "toLogin" } },
  },
  { kind: "page", page: "/editor/incidents", path: () => "/editor/incidents", expect: editorsOnly },
  { kind: "page", page: "/editor/incidents/new", path: () => "/editor/incidents/new", expect: editorsOnly },
  { kind: "page", page: "/editor/incidents/[id]", path: incidentPage, expect: editorsOnly },
  {
    kind: "page",
    page: "/editor/incidents/[id]",
    path: () => "/editor/incidents/999999",
    expect: { ...everyone({ kind: "notFound" }), anonymous: { kind: "toLogin" }, endedSession: { kind: "toLogin" } },
  },
  { kind: "page", page: "/admin", path: () => "/admin", expect: adminsOnly },
  { kind: "page", page: "/admin/users", path: () => "/admin/users", expect: adminsOnly },
  { kind: "page", page: "/admin/checklist", path: checklistPage, expect: adminsOnly },
  { kind: "page", page: "/admin/users/[id]", path: userPage, expect: adminsOnly },
  // No such account, or not an account number: a real 404 for an admin, nothing learnt by anyone else.
  ...["99999", "-1", "abc", "0", "1e3"].map((id): PageRow => ({
    kind: "page",
    page: "/admin/users/[id]",
    path: () => `/admin/users/${id}`,
    expect: {
      ...everyone({ kind: "notFound" }),
      anonymous: { kind: "toLogin" },
      editor: { kind: "forbidden" },
      endedSession: { kind: "toLogin" },
    },
  })),
  { kind: "page", page: "/admin/audit", path: () => "/admin/audit", expect: adminsOnly },
  { kind: "page", page: "/admin/import", path: () => "/admin/import", expect: adminsOnly },
  { kind: "page", page: "/admin/settings", path: () => "/admin/settings", expect: adminsOnly },
];

// ---------------------------------------------------------------------------------------------------------------

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.resolve(".next/server", file), "utf8")) as T;
}

/** Every server reference of the build, as "file#export" (cached functions as "file#cache"). */
function buildReferences(): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const [id, entry] of Object.entries(readJson<Manifest>("server-reference-manifest.json").node)) {
    const name = entry.exportedName ?? "";
    const key = `${entry.filename ?? "?"}#${name.startsWith("$$RSC_SERVER_CACHE") ? "cache" : name}`;
    refs.set(key, [...(refs.get(key) ?? []), id]);
  }
  return refs;
}

/** Route handlers and signed-in pages of the build ("/api/claims", "/admin/users/[id]"). */
function buildRoutesAndPages(): { routes: string[]; pages: string[] } {
  const paths = Object.keys(readJson<Record<string, string>>("app-paths-manifest.json"));
  const clean = (p: string, suffix: string) => p.slice(0, -suffix.length).replace(/\/\([^)]+\)/g, "") || "/";
  return {
    routes: paths.filter((p) => p.endsWith("/route")).map((p) => clean(p, "/route")),
    pages: paths
      .filter((p) => p.endsWith("/page"))
      .map((p) => clean(p, "/page"))
      .filter((p) => /^\/(editor|admin)(\/|$)/.test(p)),
  };
}

/**
 * Every table, every row: a digest (the full-text index's shadow tables included). Session.lastSeenAt is left out:
 * any signed-in request moves it (the idle expiry, lib/auth/session.ts).
 */
async function databaseDigest(db: Db): Promise<string> {
  digestQuery ??= everyRowQuery(db);
  const rows = await db.$queryRawUnsafe<{ r: string }[]>(await digestQuery);
  return createHash("sha256")
    .update(
      rows
        .map((r) => r.r)
        .sort()
        .join("\n"),
    )
    .digest("hex");
}

let digestQuery: Promise<string> | undefined;

/** One query that lists every row of every table as text: quote() turns every value, blobs included, into SQL text. */
async function everyRowQuery(db: Db): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
  );
  const selects: string[] = [];
  for (const { name } of tables) {
    const columns = (
      await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name}')`)
    ).filter((c) => !(name === "Session" && c.name === "lastSeenAt"));
    selects.push(
      `SELECT '${name}:' || ${columns.map((c) => `quote("${c.name}")`).join(" || ',' || ")} AS r FROM "${name}"`,
    );
  }
  return selects.join(" UNION ALL ");
}

type Answer = { status: number; location: string | null; body: string; result: unknown; redirect: string | null };

function check(expected: Expect, answer: Answer, label: string) {
  const result = answer.result as { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[]> };
  switch (expected.kind) {
    case "toLogin":
      expect(answer.status, label).toBe(307);
      expect(answer.location, label).toMatch(/^\/login\?next=/);
      break;
    case "forbidden":
      expect(answer.status, label).toBe(403);
      expect(answer.body, label).toContain("You do not have access to this page");
      break;
    case "notFound":
      expect(answer.status, label).toBe(404);
      break;
    case "refusedByOrigin":
      expect(answer.status, label).toBe(FOREIGN_ORIGIN_STATUS);
      expect(answer.result, label).toBeUndefined(); // the action never answered
      break;
    case "actionRefused":
      expect(answer.status, label).toBe(200);
      expect(result?.ok, label).toBe(false);
      expect(result?.formError, label).toMatch(expected.formError);
      break;
    case "fieldErrors":
      expect(answer.status, label).toBe(200);
      expect(result?.ok, label).toBe(false);
      expect(Object.keys(result?.fieldErrors ?? {}).length, label).toBeGreaterThan(0);
      break;
    case "redirect":
      expect(answer.redirect, label).toBe(expected.to);
      break;
    case "ok":
      expect(answer.status, label).toBe(200);
      break;
    case "status":
      expect(answer.status, label).toBe(expected.status);
      break;
  }
}

test.setTimeout(180_000);

test("access matrix: every action, route handler and signed-in page × every kind of caller", async () => {
  const refs = buildReferences();
  const built = buildRoutesAndPages();

  // 1. The table covers the build, and only the build.
  const inTable = new Set([...ACTIONS.map((a) => `${a.file}#${a.name}`), ...CACHED.map((c) => `${c.file}#cache`)]);
  expect(
    [...refs.keys()].filter((k) => !inTable.has(k)),
    "server references missing from the table",
  ).toEqual([]);
  expect(
    [...inTable].filter((k) => !refs.has(k)),
    "table rows the build does not have",
  ).toEqual([]);
  expect(
    built.routes.filter((r) => !ROUTES.some((row) => row.route === r)),
    "route handlers missing from the table",
  ).toEqual([]);
  expect(
    built.pages.filter((p) => !PAGES.some((row) => row.page === p)),
    "signed-in pages missing from the table",
  ).toEqual([]);

  // 2. A server and a database of its own, with something for every valid input to change.
  process.env.REVALIDATE_SECRET = REVALIDATE_SECRET;
  const server = await startIsolatedServer();
  const http: APIRequestContext = await playwrightRequest.newContext();
  try {
    const { db } = server;
    const editor = await makeTestUser(db, { role: "EDITOR" });
    const admin = await makeTestUser(db, { role: "ADMIN" });
    const target = await makeTestUser(db, { role: "EDITOR" });
    const other = await makeTestClaim(db);
    const claim = await makeTestClaim(db, {
      figures: [{ min: 3, max: 4 }],
      links: [{ toId: other.id, type: "DENIES" }],
    });
    const draftMarker = unique("draft-marker");
    const incident = await makeTestIncident(db);
    const incidentClaim = await makeTestClaim(db, { incidentId: incident.id });
    await makeTestClaim(db, { published: false, statement: `Draft ${draftMarker}`, incidentId: incident.id });
    const ids: Ids = {
      claimId: claim.id,
      claimVersion: (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version,
      otherClaimId: other.id,
      sourceId: claim.sources[0]!.id,
      figureId: (await db.casualtyFigure.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true } })).id,
      linkId: (await db.claimLink.findFirstOrThrow({ where: { fromId: claim.id }, select: { id: true } })).id,
      noteId: (
        await db.claimNote.create({
          data: { claimId: claim.id, authorId: editor.id, text: "Matrix note" },
          select: { id: true },
        })
      ).id,
      claimantId: claim.claimant.id,
      claimSlug: claim.slug,
      claimantSlug: claim.claimant.slug,
      targetUserId: target.id,
      stepId: (
        await db.checklistStep.create({ data: { name: unique("Matrix step"), position: 1 }, select: { id: true } })
      ).id,
      proposalId: (
        await db.proposal.create({
          data: {
            claimId: other.id,
            kind: "VERDICT",
            status: "FALSE",
            rationale: "Matrix proposal: the footage is from another year.",
            claimVersion: 1,
            proposerId: target.id,
          },
          select: { id: true },
        })
      ).id,
      correctionRequestId: (
        await db.correctionRequest.create({
          data: { claimId: claim.id, message: "Matrix request: the date is wrong.", ipHash: "matrix" },
          select: { id: true },
        })
      ).id,
      incidentId: incident.id,
      incidentSlug: incident.slug,
      incidentClaimId: incidentClaim.id,
      marker: unique("matrix"),
    };

    /** A fresh session per call: sign-out ends one, and no call may depend on an earlier one. */
    async function cookieFor(caller: Caller, allowedRole: TestUser): Promise<string | undefined> {
      if (caller === "endedSession") return sessionCookieHeader(unique("ended-session"));
      const user =
        caller === "editor" ? editor : caller === "admin" ? admin : caller === "anonymous" ? null : allowedRole;
      if (!user) return undefined;
      return sessionCookieHeader((await makeTestSession(db, user.id)).token);
    }

    async function send(
      method: "GET" | "POST",
      url: string,
      caller: Caller,
      cookie: string | undefined,
      extra: Record<string, string>,
      data?: string,
    ): Promise<Answer> {
      const headers: Record<string, string> = { ...extra };
      if (cookie) headers.Cookie = cookie;
      if (method === "POST" && caller !== "noOrigin")
        headers.Origin = caller === "foreignOrigin" ? FOREIGN : server.baseURL;
      if (method === "GET" && caller === "foreignOrigin") headers.Origin = FOREIGN;
      const response = await http.fetch(`${server.baseURL}${url}`, {
        method,
        headers,
        data,
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const body = await response.text();
      const h = response.headers();
      return {
        status: response.status(),
        location: h.location ?? null,
        body,
        result: decodeActionResult(body),
        redirect: h["x-action-redirect"]?.split(";")[0] ?? null,
      };
    }

    let cells = 0;
    /** The session is made before the digest is taken, so that only the call itself can change the database. */
    async function cell(
      label: string,
      expected: Expect,
      caller: Caller,
      allowedRole: TestUser,
      run: (cookie: string | undefined) => Promise<Answer>,
    ) {
      const cookie = await cookieFor(caller, allowedRole);
      const before = await databaseDigest(db);
      const answer = await run(cookie);
      check(expected, answer, label);
      if (expected.kind !== "refusedByOrigin") expect(answer.status, `${label}: never a 5xx`).toBeLessThan(500);
      // Sign-out ends its session; nothing else in this table may write anything.
      if (expected.kind !== "redirect")
        expect(await databaseDigest(db), `${label}: the database is unchanged`).toBe(before);
      cells++;
    }

    // 3. Server Actions: refused callers send valid input, allowed callers input their schema refuses.
    for (const row of ACTIONS) {
      const [id] = refs.get(`${row.file}#${row.name}`)!;
      for (const caller of CALLERS) {
        const expected = row.expect[caller];
        const args = REFUSALS.has(expected.kind) ? row.valid(ids) : row.probe;
        const allowedRole = row.file.startsWith("app/admin") ? admin : editor;
        await cell(`${row.name} × ${caller}`, expected, caller, allowedRole, (cookie) =>
          send(
            "POST",
            row.path(ids),
            caller,
            cookie,
            { "Next-Action": id!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
            JSON.stringify(args),
          ),
        );
      }
    }

    // 4. Cached reader functions: anyone may call them, but an object where a slug or a filter is expected must
    // not bring back a draft, write anything or take the server down.
    for (const row of CACHED) {
      for (const id of refs.get(`${row.file}#cache`) ?? []) {
        for (const args of [[{ contains: "a" }, 20000], [{ page: -5, status: { not: "X" } }], []]) {
          const label = `cached ${id.slice(0, 8)} ${JSON.stringify(args)}`;
          const before = await databaseDigest(db);
          const answer = await send(
            "POST",
            "/methodology",
            "anonymous",
            undefined,
            { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
            JSON.stringify(args),
          );
          expect(answer.status, label).toBeLessThan(500);
          expect(answer.body.length, label).toBeLessThan(512 * 1024);
          expect(answer.body, label).not.toContain(draftMarker);
          expect(await databaseDigest(db), `${label}: the database is unchanged`).toBe(before);
          cells++;
        }
      }
    }

    // 5. Route handlers and signed-in pages.
    for (const row of [...ROUTES, ...PAGES]) {
      for (const caller of CALLERS) {
        const method = row.kind === "route" ? row.method : "GET";
        const label = `${method} ${row.path(ids)}${row.kind === "route" && row.headers ? " (with secret)" : ""} × ${caller}`;
        await cell(label, row.expect[caller], caller, admin, (cookie) =>
          send(method, row.path(ids), caller, cookie, row.kind === "route" ? (row.headers ?? {}) : {}),
        );
      }
    }

    // 6. An editor's plain form POST to an admin page (no Next-Action) is the same real 403.
    await cell("form POST /admin/users × editor", { kind: "forbidden" }, "editor", editor, (cookie) =>
      send(
        "POST",
        "/admin/users",
        "editor",
        cookie,
        {
          "Content-Type": "application/x-www-form-urlencoded",
        },
        "email=x%40y.z",
      ),
    );

    expect(cells).toBeGreaterThan(150);
  } finally {
    await http.dispose();
    await server.stop();
  }
});

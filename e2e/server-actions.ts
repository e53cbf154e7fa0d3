import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { Db } from "@/lib/db/create-client";
import { makeTestSession, makeTestUser } from "@/test-support/builders";
import { baseURL } from "./db";
import { sessionCookieHeader } from "./fixtures";

// Calling Server Actions over plain HTTP, the way Next's client does, to prove that each one refuses what a
// crafted request can send (no session, wrong role, foreign Origin, bad bodies). A Server Action is a POST to a
// page with a `Next-Action: <id>` header; ids change with every build, so they are read from the build's
// `.next/server/server-reference-manifest.json` ({ node: { [id]: { filename, exportedName, workers } } }).

type ManifestEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };
type Manifest = { node: Record<string, ManifestEntry> };

let manifest: Manifest | undefined;
function readManifest(): Manifest {
  manifest ??= JSON.parse(
    fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  return manifest;
}

/** The id of the Server Action exported as `exportName` from the module whose path contains `modulePathFragment`. */
export function actionId(exportName: string, modulePathFragment: string): string {
  const matches = Object.entries(readManifest().node).filter(
    ([, e]) => e.exportedName === exportName && (e.filename ?? "").includes(modulePathFragment),
  );
  if (matches.length !== 1) {
    throw new Error(
      `Expected one Server Action ${exportName} in a module matching "${modulePathFragment}", found ${matches.length}. Rebuild?`,
    );
  }
  return matches[0]![0];
}

/**
 * A page that imports the action, as a URL path ("app/login/page" → "/login"; route groups dropped). Pages with
 * dynamic segments cannot be turned into a path: pass `path` to callAction for those.
 */
export function actionPagePath(id: string): string {
  const entry = readManifest().node[id];
  const page = Object.keys(entry?.workers ?? {})
    .map(
      (w) =>
        w
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\/\([^)]+\)/g, "") || "/",
    )
    .find((p) => !p.includes("["));
  if (!page) throw new Error(`No static page uses action ${id}; pass { path } to callAction.`);
  return page;
}

/** React's reply encoding of plain JSON: a string starting with "$" is escaped as "$$" (else it is a reference). */
function encodeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeReply);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeReply(v)]));
  return value;
}

export type ActionResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The action's return value, decoded from the Flight response; undefined when it threw, redirected or was refused. */
  result: unknown;
  /** Where the action redirected (from `x-action-redirect`), if it did. */
  redirect: string | null;
};

/**
 * POSTs a Server Action like Next's client: `Next-Action`, a text/plain JSON body of the argument list, and an
 * Origin (this server's unless given; `origin: null` sends none). `body` replaces the encoded arguments with raw
 * text, for crafted requests.
 */
export async function callAction(
  request: APIRequestContext,
  id: string,
  args: unknown[],
  options: {
    path?: string;
    cookie?: string;
    origin?: string | null;
    body?: string;
    headers?: Record<string, string>;
    /** Another server than the one under test (e2e/stack/two-instances.spec.ts reaches each instance directly). */
    base?: string;
  } = {},
): Promise<ActionResponse> {
  const headers: Record<string, string> = {
    Accept: "text/x-component",
    "Next-Action": id,
    "Content-Type": "text/plain;charset=UTF-8",
    ...options.headers,
  };
  const origin = options.origin === undefined ? baseURL : options.origin;
  if (origin !== null) headers.Origin = origin;
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await request.post(`${options.base ?? baseURL}${options.path ?? actionPagePath(id)}`, {
    headers,
    data: options.body ?? JSON.stringify(encodeReply(args)),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const body = await response.text();
  const responseHeaders = response.headers();
  const redirect = responseHeaders["x-action-redirect"]?.split(";")[0] ?? null;
  return { status: response.status(), headers: responseHeaders, body, result: decodeActionResult(body), redirect };
}

/**
 * The action's value from a Flight response: row 0 is `{"a": <value or "$@<row>">, …}`; a referenced row holds
 * JSON, or `E{…}` when the action threw. Good for the plain-JSON results Claimwatch's actions return.
 */
export function decodeActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get("0");
  if (!root) return undefined;
  let value: unknown;
  try {
    value = (JSON.parse(root) as { a?: unknown }).a;
  } catch {
    return undefined;
  }
  const ref = typeof value === "string" ? /^\$@([0-9a-f]+)$/.exec(value) : null;
  if (!ref) return value;
  const row = rows.get(ref[1]!);
  if (!row || !/^[[{"0-9tfn-]/.test(row)) return undefined; // E… (an error), or a row type this helper does not read
  try {
    return JSON.parse(row);
  } catch {
    return undefined;
  }
}

/**
 * Review (lib/data/writes/proposals.ts): the claim's pending proposal approved by a second editor of its own, over
 * HTTP as the approve button sends it. For specs about something else that need a reviewed change to take effect;
 * e2e/review.spec.ts goes through the buttons. Fails the test when there is nothing to approve or it is refused.
 */
export async function approveAsSecondEditor(request: APIRequestContext, db: Db, claimId: number): Promise<void> {
  const proposal = await db.proposal.findFirst({ where: { claimId, state: "PENDING" }, select: { id: true } });
  if (!proposal) throw new Error(`Claim ${claimId} has no pending proposal to approve.`);
  const reviewer = await makeTestUser(db, { role: "EDITOR" });
  const { token } = await makeTestSession(db, reviewer.id);
  const response = await callAction(
    request,
    actionId("approveProposalAction", "proposal-actions"),
    [{ claimId, proposalId: proposal.id }],
    { path: `/editor/claims/${claimId}`, cookie: sessionCookieHeader(token) },
  );
  const result = response.result as { ok?: boolean; formError?: string } | undefined;
  if (!result?.ok) throw new Error(`Approval refused: ${result?.formError ?? response.status}`);
}

import fs from "node:fs";
import { hashPassword } from "@/lib/auth/password";
import { newSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import type { Db } from "@/lib/db/create-client";
import { BASE, percentile } from "./bench-http";

// Editor saves for `npm run bench`: EDITORS signed-in editors, each on its own claim, save in a loop for a bounded
// time through the real Server Actions over HTTP (the POST Next's client sends: `Next-Action: <id>` from the build's
// .next/server/server-reference-manifest.json, a JSON argument list, an Origin), alternating a status change and a
// claim edit. Sessions are made with the product's own token functions (lib/auth/session-token.ts); the users and
// their sessions are removed afterwards, the saved edits stay (each run toggles the same fields back and forth).

const EDITORS = 10;
const SECONDS = Number(process.env.BENCH_EDITOR_SECONDS ?? 20);

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

function actionId(exportName: string, fileFragment: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const ids = Object.entries(manifest.node).filter(
    ([, e]) => e.exportedName === exportName && (e.filename ?? "").includes(fileFragment),
  );
  if (ids.length !== 1)
    throw new Error(`expected one Server Action ${exportName} in ${fileFragment}, found ${ids.length}: rebuild`);
  return ids[0]![0];
}

/** React's reply encoding of plain JSON: a string starting with "$" is escaped as "$$". */
const encode = (value: unknown): unknown =>
  typeof value === "string"
    ? value.startsWith("$")
      ? `$${value}`
      : value
    : Array.isArray(value)
      ? value.map(encode)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]))
        : value;

/** The action's return value from the Flight response (row 0 holds it or a reference to the row that does). */
function decode(body: string): { ok?: boolean; data?: { version?: number }; formError?: string } | undefined {
  const rows = new Map(
    body
      .split("\n")
      .flatMap((line) =>
        /^([0-9a-f]+):(.*)$/.exec(line) ? [[line.split(":")[0]!, line.slice(line.indexOf(":") + 1)]] : [],
      ),
  );
  try {
    const root = (JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null)?.a;
    const ref = typeof root === "string" ? /^\$@([0-9a-f]+)$/.exec(root) : null;
    return (ref ? JSON.parse(rows.get(ref[1]!) ?? "null") : root) as ReturnType<typeof decode>;
  } catch {
    return undefined;
  }
}

export type EditorRow = {
  saves: number;
  statusChanges: number;
  claimEdits: number;
  p50ms: number;
  p95ms: number;
  errors: number;
  firstError?: string;
};

/** `editors` editors save through `base` (the server, or the proxy in front of several: scripts/bench-stack.ts). */
export async function benchEditorSaves(db: Db, { editors: count = EDITORS, base = BASE } = {}): Promise<EditorRow> {
  const statusId = actionId("changeStatusAction", "status-actions");
  const updateId = actionId("updateClaimAction", "claim-actions");
  const claims = await db.claim.findMany({
    where: { publishedAt: { not: null }, kind: "FACT", synthetic: true, status: { in: ["UNVERIFIED", "IN_REVIEW"] } },
    select: {
      id: true,
      slug: true,
      version: true,
      status: true,
      statement: true,
      category: true,
      kind: true,
      claimantId: true,
      claimedAt: true,
      location: true,
      originalText: true,
      originalLanguage: true,
      incidentId: true,
    },
    orderBy: { id: "asc" },
    take: count,
  });
  if (claims.length < count) throw new Error(`the bench database has only ${claims.length} claims an editor can save`);
  const passwordHash = await hashPassword(`bench-${Date.now()}`);
  const stamp = Date.now();
  const editors = await Promise.all(
    claims.map(async (claim, i) => {
      const user = await db.user.create({
        data: {
          email: `bench-editor-${stamp}-${i}@bench.invalid`,
          name: `Bench editor ${i}`,
          role: "EDITOR",
          passwordHash,
        },
        select: { id: true },
      });
      const { token, tokenHash, expiresAt } = newSessionToken();
      await db.session.create({ data: { userId: user.id, tokenHash, expiresAt } });
      return { userId: user.id, cookie: `${sessionCookieName()}=${token}`, claim };
    }),
  );

  const times: number[] = [];
  let errors = 0;
  let statusChanges = 0;
  let claimEdits = 0;
  let firstError: string | undefined;
  const until = Date.now() + SECONDS * 1000;
  const post = async (cookie: string, id: string, claimId: number, input: unknown) => {
    const started = performance.now();
    const response = await fetch(`${base}/editor/claims/${claimId}`, {
      method: "POST",
      headers: {
        Accept: "text/x-component",
        "Next-Action": id,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: base,
        Cookie: cookie,
      },
      body: JSON.stringify(encode([input])),
      redirect: "manual",
    });
    const result = response.ok ? decode(await response.text()) : undefined;
    times.push(performance.now() - started);
    if (!result?.ok) {
      errors++;
      firstError ??= `HTTP ${response.status}: ${result?.formError ?? JSON.stringify(result) ?? "no result"}`;
      return undefined;
    }
    return result.data?.version;
  };

  try {
    await Promise.all(
      editors.map(async ({ cookie, claim }) => {
        let version = claim.version;
        let status = claim.status;
        const base = claim.statement.replace(/ \(edited\)$/, "");
        for (let n = 0; Date.now() < until; n++) {
          let next: number | undefined;
          if (n % 2 === 0) {
            status = status === "UNVERIFIED" ? "IN_REVIEW" : "UNVERIFIED";
            next = await post(cookie, statusId, claim.id, {
              claimId: claim.id,
              version,
              status,
              rationale: `Bench status change ${n}.`,
            });
            statusChanges++;
          } else {
            const statement = n % 4 === 1 ? `${base} (edited)` : base;
            next = await post(cookie, updateId, claim.id, {
              claimId: claim.id,
              version,
              slug: claim.slug,
              statement,
              category: claim.category,
              kind: claim.kind,
              claimant: { mode: "existing", actorId: claim.claimantId },
              claimedAt: claim.claimedAt.toISOString().slice(0, 10),
              location: claim.location ?? undefined,
              originalText: claim.originalText ?? undefined,
              originalLanguage: claim.originalLanguage ?? undefined,
              incidentId: claim.incidentId ?? undefined,
            });
            claimEdits++;
          }
          // After a failure, read the claim again so one error does not turn every later save into a conflict.
          version =
            next ?? (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version;
          if (next === undefined)
            status = (await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status;
        }
      }),
    );
  } finally {
    const userIds = editors.map((e) => e.userId);
    await db.session.deleteMany({ where: { userId: { in: userIds } } });
    // Their writes reference them (audit events, status changes): disable rather than delete.
    await db.user.updateMany({ where: { id: { in: userIds } }, data: { disabledAt: new Date() } });
  }
  times.sort((a, b) => a - b);
  const row = {
    saves: times.length,
    statusChanges,
    claimEdits,
    p50ms: +percentile(times, 50).toFixed(1),
    p95ms: +percentile(times, 95).toFixed(1),
    errors,
    firstError,
  };
  console.error(
    `  editor saves: ${row.saves} in ${SECONDS} s, p50 ${row.p50ms} ms, p95 ${row.p95ms} ms, errors ${errors}${firstError ? ` (${firstError})` : ""}`,
  );
  return row;
}

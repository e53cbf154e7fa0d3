import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { createPrismaClient } from "@/lib/db/create-client";
import { backupDatabase, checkBackup, knownMigrations, restoreDatabase } from "@/lib/sqlite/backup";
import { makeTestClaim, makeTestSession, makeTestUser } from "@/test-support/builders";
import { expect, sessionCookieHeader, test } from "./fixtures";
import { startServerOn } from "./isolated-server";
import { E2E_DATABASE_URL } from "../playwright.config";
import { decodeActionResult } from "./server-actions";

// A crash loses nothing that was acknowledged. A production server over a database of its own takes a stream of
// real editor writes over HTTP (casualty figures added through the Server Action, each in one transaction with its
// audit event); meanwhile a backup is taken with the backup function the CLI uses (lib/sqlite/backup.ts). Then the
// server is killed with SIGKILL mid-stream, started again on the same file, and every write it had answered
// `ok: true` must be there, with its audit event, and `PRAGMA integrity_check` must say ok — for the database and
// for the backup once restored.

const WRITERS = 4;
/** Writes before the backup starts, and the point at which the server is killed. */
const BEFORE_BACKUP = 10;
const KILL_AFTER = 30;

type Ack = { figureId: number; note: string; claimId: number; version: number };

function integrity(file: string): string {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(conn.pragma("integrity_check", { simple: true }));
  } finally {
    conn.close();
  }
}

function actionId(exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const [id] = Object.entries(manifest.node).find(
    ([, e]) => e.exportedName === exportName && (e.filename ?? "").includes("figure-actions"),
  )!;
  return id;
}

test.setTimeout(120_000);

test("SIGKILL during acknowledged writes loses none of them; a backup taken meanwhile restores sound", async () => {
  const dir = path.resolve(`tmp/e2e-durability-${randomUUID()}`);
  const file = path.join(dir, "live.db");
  // A copy of the e2e database (migrated and seeded by scripts/e2e-server.sh) is quicker than migrating a new file.
  fs.mkdirSync(dir, { recursive: true });
  await backupDatabase(path.resolve(E2E_DATABASE_URL.replace(/^file:/, "")), file);
  const db = await createPrismaClient(`file:${file}`);
  let server = await startServerOn(file);
  const http: APIRequestContext = await playwrightRequest.newContext();
  try {
    const editor = await makeTestUser(db, { role: "EDITOR" });
    const cookie = sessionCookieHeader((await makeTestSession(db, editor.id)).token);
    const claims = await Promise.all(Array.from({ length: WRITERS }, () => makeTestClaim(db)));
    const addFigure = actionId("addFigureAction");

    const acks: Ack[] = [];
    let killed = false;
    let backupStartedAt = -1; // acks.length when the backup began
    const backup: { done: Promise<unknown> | null } = { done: null };
    const backupFile = path.join(dir, "during-writes.db");

    /** One acknowledged write, or null when no answer came (the server is gone). */
    async function postFigure(claim: (typeof claims)[number], version: number, note: string, min: number) {
      let answer: { status: number; body: string };
      try {
        const response = await http.post(`${server.baseURL}/editor/claims/${claim.id}`, {
          headers: {
            "Next-Action": addFigure,
            "Content-Type": "text/plain;charset=UTF-8",
            Accept: "text/x-component",
            Origin: server.baseURL,
            Cookie: cookie,
          },
          data: JSON.stringify([
            {
              claimId: claim.id,
              version,
              reportedById: claim.claimant.id,
              population: "CIVILIANS",
              outcome: "INJURED",
              min,
              max: min + 1,
              note,
              noSourceReason: "Read out at a press briefing; no transcript.",
            },
          ]),
          failOnStatusCode: false,
          timeout: 10_000,
        });
        answer = { status: response.status(), body: await response.text() };
      } catch {
        return null;
      }
      const result = decodeActionResult(answer.body) as { ok: boolean; data?: { version: number; figureId: number } };
      expect(answer.status, answer.body).toBe(200);
      expect(result?.ok, answer.body).toBe(true);
      return { figureId: result.data!.figureId, note, claimId: claim.id, version: result.data!.version };
    }

    /** One editor's loop on one claim: each write needs the version the previous one returned. */
    async function writer(claim: (typeof claims)[number], w: number) {
      let version = 1;
      for (let i = 0; !killed; i++) {
        const ack = await postFigure(claim, version, `durable ${w}-${i}`, i);
        if (!ack) return; // the server is gone: this write was never acknowledged
        version = ack.version;
        acks.push(ack);
        if (acks.length >= BEFORE_BACKUP && !backup.done) {
          backupStartedAt = acks.length;
          backup.done = backupDatabase(file, backupFile);
        }
        if (acks.length >= KILL_AFTER && !killed) {
          killed = true;
          server.kill("SIGKILL"); // other writers are mid-request: their answers never come
        }
      }
    }
    const started = Date.now();
    await Promise.all(claims.map((c, w) => writer(c, w)));
    expect(killed).toBe(true);
    await backup.done;
    const acknowledged = [...acks];
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // The crashed database, as the next start finds it (SQLite replays its WAL on open).
    expect(integrity(file)).toBe("ok");
    server = await startServerOn(file);
    const after = await db.casualtyFigure.findMany({
      where: { id: { in: acknowledged.map((a) => a.figureId) } },
      select: { id: true, note: true },
    });
    expect(new Map(after.map((f) => [f.id, f.note]))).toEqual(new Map(acknowledged.map((a) => [a.figureId, a.note])));
    const audited = await db.auditEvent.count({
      where: {
        entity: "CasualtyFigure",
        action: "create",
        entityId: { in: acknowledged.map((a) => String(a.figureId)) },
      },
    });
    expect(audited).toBe(acknowledged.length);
    for (const claim of claims) {
      const last = acknowledged.filter((a) => a.claimId === claim.id).at(-1);
      const { version } = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
      expect(version).toBeGreaterThanOrEqual(last?.version ?? 1);
    }
    // And the restarted server takes the next write at the version it last acknowledged.
    const last = acknowledged.filter((a) => a.claimId === claims[0]!.id).at(-1);
    const { version: current } = await db.claim.findUniqueOrThrow({
      where: { id: claims[0]!.id },
      select: { version: true },
    });
    expect(await postFigure(claims[0]!, current, "after the restart", 0)).toMatchObject({
      claimId: claims[0]!.id,
      version: current + 1,
    });
    expect(current).toBeGreaterThanOrEqual(last?.version ?? 1);

    // The backup taken while the writers ran: sound, a Claimwatch database, and it holds every write acknowledged
    // before it began.
    expect(integrity(backupFile)).toBe("ok");
    expect(checkBackup(backupFile, knownMigrations())).toMatchObject({ ok: true, pendingMigrations: [] });
    const restored = path.join(dir, "restored.db");
    await restoreDatabase(backupFile, restored);
    expect(integrity(restored)).toBe("ok");
    const conn = new Database(restored, { readonly: true });
    try {
      const ids = new Set(
        (conn.prepare("SELECT id FROM CasualtyFigure").all() as { id: number }[]).map((r) => Number(r.id)),
      );
      const missing = acknowledged.slice(0, backupStartedAt).filter((a) => !ids.has(a.figureId));
      expect(missing).toEqual([]);
    } finally {
      conn.close();
    }
    expect(Date.now() - started).toBeLessThan(60_000);
  } finally {
    await http.dispose();
    try {
      server.kill("SIGTERM");
    } catch {
      // already gone
    }
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

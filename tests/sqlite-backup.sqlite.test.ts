import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { backupDatabase, checkBackup, knownMigrations, processesUsing, restoreDatabase } from "@/lib/sqlite/backup";
import { loadSynthetic } from "@/prisma/synthetic";
import { createTestDb } from "./helpers/test-db";

// Backups of a database that is being written to, and restores that refuse anything but a sound Claimwatch backup.

let db: Db;
let file: string;
let cleanup: () => Promise<void>;
const dir = path.resolve("tmp/unit", `backup-${process.pid}-${Date.now()}`);
const MIGRATIONS = knownMigrations();

beforeAll(async () => {
  let url: string;
  ({ db, url, cleanup } = await createTestDb());
  file = sqliteFilePath(url);
  fs.mkdirSync(dir, { recursive: true });
  // Enough pages that a backup takes a moment.
  await loadSynthetic(db, { count: 1500, seed: 7 });
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (f: string, table = "AuditEvent") => {
  const conn = new Database(f, { readonly: true });
  try {
    return Number((conn.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n);
  } finally {
    conn.close();
  }
};

/** Another process that keeps writing rows to the database, as a running server would, until it is stopped. */
function startWriter(database: string) {
  const script = `
    const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))});
    const db = new Database(${JSON.stringify(database)});
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
    const insert = db.prepare("INSERT INTO AuditEvent (entity, entityId, action, changes, createdAt) VALUES ('Test', ?, 'write', '{}', ?)");
    let n = 0;
    const tick = () => { for (let i = 0; i < 20; i++) insert.run(String(++n), new Date().toISOString()); if (n === 20) process.stdout.write("writing\\n"); setImmediate(tick); };
    tick();
    process.on("SIGTERM", () => { db.close(); process.stdout.write("wrote " + n + "\\n"); process.exit(0); });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const started = new Promise<void>((resolve) => child.stdout.on("data", () => out.includes("writing") && resolve()));
  const stop = () =>
    new Promise<number>((resolve) => {
      child.on("exit", () => resolve(Number(/wrote (\d+)/.exec(out)?.[1] ?? 0)));
      child.kill("SIGTERM");
    });
  return { started, stop };
}

describe("backup", () => {
  it("copies a database that another process is writing to, into a sound file that restores", async () => {
    const writer = startWriter(file);
    await writer.started;
    const before = count(file);
    const backup = path.join(dir, "live.db");
    const result = await backupDatabase(file, backup);
    const during = count(file);
    const wrote = await writer.stop();

    expect(wrote).toBeGreaterThan(0);
    expect(during).toBeGreaterThan(before); // the writer was not held up while the backup ran
    expect(result.bytes).toBe(fs.statSync(backup).size);
    expect(result.pages).toBeGreaterThan(100);
    const copied = count(backup);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(during);
    // One self-contained file: not in WAL mode, no -wal beside it.
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);
    expect(checkBackup(backup, MIGRATIONS)).toMatchObject({ ok: true, claims: 1500, pendingMigrations: [] });

    const restoredTo = path.join(dir, "restored-from-live.db");
    await restoreDatabase(backup, restoredTo);
    const restored = new Database(restoredTo, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
    expect(count(restoredTo)).toBe(copied);
  });

  it("creates backups readable by their owner only (they hold password hashes)", async () => {
    const backup = path.join(dir, "private.db");
    await backupDatabase(file, backup);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    const restoredTo = path.join(dir, "private-restored.db");
    fs.copyFileSync(file, restoredTo);
    fs.chmodSync(restoredTo, 0o644);
    const { previous } = await restoreDatabase(backup, restoredTo);
    expect(fs.statSync(restoredTo).mode & 0o777).toBe(0o600);
    expect(fs.statSync(previous!).mode & 0o777).toBe(0o600);
  });

  it("never overwrites an existing file", async () => {
    const target = path.join(dir, "taken.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase(file, target)).rejects.toThrow("already exists");
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  });
});

describe("restore", () => {
  it("refuses a damaged backup", async () => {
    const backup = path.join(dir, "damaged.db");
    await backupDatabase(file, backup);
    const fd = fs.openSync(backup, "r+");
    // Page 1 stays (the file still opens as SQLite); pages further in become noise.
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0xab), 0, 64 * 1024, 16 * 4096);
    fs.closeSync(fd);
    const check = checkBackup(backup, MIGRATIONS);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.message).toMatch(
        /is damaged: PRAGMA integrity_check found|cannot be read as a SQLite database: database disk image is malformed/,
      );
  });

  it("refuses a file that is not SQLite, and a SQLite database that is not Claimwatch's", () => {
    const text = path.join(dir, "notes.db");
    fs.writeFileSync(text, "these are my notes, not a database\n".repeat(200));
    expect(checkBackup(text, MIGRATIONS)).toEqual({
      ok: false,
      message: expect.stringContaining("file is not a database"),
    });

    const other = path.join(dir, "other-app.db");
    const conn = new Database(other);
    conn.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
    conn.close();
    expect(checkBackup(other, MIGRATIONS)).toEqual({
      ok: false,
      message: expect.stringContaining("is a SQLite database but not a Claimwatch one (no _prisma_migrations, Actor,"),
    });
    expect(checkBackup(path.join(dir, "missing.db"), MIGRATIONS)).toEqual({
      ok: false,
      message: expect.stringContaining("does not exist"),
    });
  });

  it("refuses a backup made by a newer Claimwatch, and notes migrations an older one lacks", async () => {
    const backup = path.join(dir, "versions.db");
    await backupDatabase(file, backup);
    expect(checkBackup(backup, [...MIGRATIONS, "29990101000000_future"])).toMatchObject({
      ok: true,
      pendingMigrations: ["29990101000000_future"],
    });
    expect(checkBackup(backup, [])).toEqual({
      ok: false,
      message: expect.stringContaining("made by a newer Claimwatch"),
    });
  });

  it("replaces the database, keeps the one it replaced (its log included) and never replays the old log", async () => {
    const backup = path.join(dir, "for-restore.db");
    await backupDatabase(file, backup);

    // The state a crash leaves: a committed row still only in the -wal beside the database.
    const source = path.join(dir, "crashed-source.db");
    await backupDatabase(file, source);
    const live = new Database(source);
    live.pragma("journal_mode = WAL");
    live.pragma("wal_autocheckpoint = 0");
    live
      .prepare(
        "INSERT INTO AuditEvent (entity, entityId, action, changes, createdAt) VALUES ('Test', 'only-in-wal', 'write', '{}', ?)",
      )
      .run(new Date().toISOString());
    const target = path.join(dir, "crashed.db");
    fs.copyFileSync(source, target);
    fs.copyFileSync(`${source}-wal`, `${target}-wal`);
    expect(processesUsing(source)).toContain(process.pid);
    live.close();
    expect(processesUsing(target)).toEqual([]);

    const result = await restoreDatabase(backup, target, new Date("2026-11-25T18:30:05.123Z"));
    expect(result.previous).toBe(`${target}.before-restore-20261125T183005Z`);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    const restored = new Database(target, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(restored.prepare("SELECT COUNT(*) AS n FROM AuditEvent WHERE entityId = 'only-in-wal'").get()).toEqual({
      n: 0,
    });
    restored.close();
    expect(count(target)).toBe(count(backup));
    const previous = new Database(result.previous as string, { readonly: true });
    expect(previous.prepare("SELECT COUNT(*) AS n FROM AuditEvent WHERE entityId = 'only-in-wal'").get()).toEqual({
      n: 1,
    });
    previous.close();
  });
});

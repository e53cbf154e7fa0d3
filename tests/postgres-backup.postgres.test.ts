import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { backupPostgres, checkPostgresBackup, postgresTool, restorePostgres } from "@/lib/postgres/backup";
import { knownMigrations } from "@/lib/sqlite/backup";
import { loadSynthetic } from "@/prisma/synthetic";
import { runCli } from "./helpers/run-cli";
import { createTestDb } from "./helpers/test-db";
import { adminQuery, withDatabase } from "./helpers/postgres-test-db";

// db:backup and db:restore on PostgreSQL (lib/postgres/backup.ts): pg_dump's custom format read back whole before
// it counts as a backup, restores that refuse anything but a sound Claimwatch backup, and a restore that fails
// halfway leaving the live database as it was. SQLite's: tests/sqlite-backup.sqlite.test.ts.

const run = promisify(execFile);
let db: Db;
let url: string;
let cleanup: () => Promise<void>;
const dir = path.resolve("tmp/unit", `pg-backup-${process.pid}-${Date.now()}`);
const MIGRATIONS = knownMigrations(path.resolve("prisma/postgres/migrations"));
const database = () => new URL(url).pathname.slice(1);
const password = () => decodeURIComponent(new URL(url).password);

/**
 * The databases on the server whose names start like this file's (restores make new ones, named after it but
 * shortened to fit 63 bytes; the test database's name is unique well within its first 31 characters).
 */
async function relatedDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [database().slice(0, 31)],
    );
    return result.rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  fs.mkdirSync(dir, { recursive: true });
  await loadSynthetic(db, { count: 300, seed: 7 });
});
afterAll(async () => {
  await db.$disconnect();
  for (const name of await relatedDatabases())
    if (name !== database()) await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (script: string, args: string[]) => runCli(script, args, url);

describe("backup", () => {
  it("writes an owner-only pg_dump archive, read back whole, and never overwrites one", async () => {
    const file = path.join(dir, "one.dump");
    const result = await backupPostgres(url, file, MIGRATIONS);
    expect(result.claims).toBe(await db.claim.count());
    expect(result.bytes).toBe(fs.statSync(file).size);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".partial"))).toEqual([]);

    const check = await checkPostgresBackup(file, MIGRATIONS);
    expect(check).toEqual({
      ok: true,
      migrations: MIGRATIONS,
      pendingMigrations: [],
      claims: await db.claim.count(),
      users: await db.user.count(),
    });
    await expect(backupPostgres(url, file, MIGRATIONS)).rejects.toThrow(/already exists.*never overwritten/);
  });

  it("names the package to install when pg_dump is missing", () => {
    expect(postgresTool("pg_dump")).toMatch(/pg_dump$/);
    expect(() => postgresTool("pg_dump", { PATH: dir }, dir)).toThrow(
      /pg_dump was not found on PATH or in .*\/\*\/bin: install the PostgreSQL client tools \(Debian: apt-get install postgresql-client\)/,
    );
  });
});

describe("the checks before a restore", () => {
  it("refuses a missing file, a SQLite backup, other bytes, a truncated archive and a newer Claimwatch's", async () => {
    const good = path.join(dir, "check.dump");
    await backupPostgres(url, good, MIGRATIONS);
    const message = async (file: string, known = MIGRATIONS) => {
      const check = await checkPostgresBackup(file, known);
      return check.ok ? "ok" : check.message;
    };
    expect(await message(path.join(dir, "nothing.dump"))).toMatch(/does not exist/);

    const sqlite = path.join(dir, "sqlite.db");
    new Database(sqlite).exec("CREATE TABLE t (x)");
    expect(await message(sqlite)).toMatch(/is a SQLite backup, but DATABASE_URL is a PostgreSQL database/);

    const text = path.join(dir, "text.dump");
    fs.writeFileSync(text, "not a backup at all\n");
    expect(await message(text)).toMatch(/is not a PostgreSQL backup/);

    // Cut inside the data, past the table of contents: only reading every block finds it.
    const truncated = path.join(dir, "truncated.dump");
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 4000));
    expect(await message(truncated)).toMatch(/is damaged or incomplete: pg_restore failed/);

    expect(await message(good, MIGRATIONS.slice(0, -1))).toMatch(
      new RegExp(`made by a newer Claimwatch: its migrations ${MIGRATIONS.at(-1)} are unknown`),
    );
  });

  it("refuses a PostgreSQL archive of some other database", async () => {
    const other = `${database()}_other`;
    await adminQuery(url, `CREATE DATABASE "${other}"`);
    await adminQuery(withDatabase(url, other), "CREATE TABLE t (x int)");
    const file = path.join(dir, "other.dump");
    await run(postgresTool("pg_dump"), ["--format=custom", `--file=${file}`, `--dbname=${other}`], {
      env: {
        ...process.env,
        PGHOST: "127.0.0.1",
        PGPORT: new URL(url).port,
        PGUSER: new URL(url).username,
        PGPASSWORD: password(),
      },
    });
    const check = await checkPostgresBackup(file, MIGRATIONS);
    expect(check.ok ? "ok" : check.message).toMatch(
      /a PostgreSQL backup but not a Claimwatch one \(no _prisma_migrations, Actor/,
    );
  });
});

describe("restore", () => {
  it("a restore that fails halfway leaves the live database as it was, and no new database behind", async () => {
    const good = path.join(dir, "for-failure.dump");
    await backupPostgres(url, good, MIGRATIONS);
    const claims = await db.claim.count();
    // Past the checks (which would refuse it): pg_restore itself stops in the middle of the data.
    const truncated = path.join(dir, "fails-halfway.dump");
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const databases = await relatedDatabases();
    await expect(restorePostgres(truncated, url, { claims, users: 0 }, { force: true })).rejects.toThrow(
      /pg_restore failed/,
    );
    expect(await relatedDatabases()).toEqual(databases);
    db = await reconnect();
    expect(await db.claim.count()).toBe(claims);
  });

  it("db:backup and db:restore: refused while the server is connected, then the database as backed up, the old one kept", async () => {
    const file = path.join(dir, "cli.dump");
    const made = await cli("db-backup", [file]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(
      /^Backed up postgresql:\/\/[^:]+:\*\*\*@.* to .*cli\.dump: [\d.]+ (KB|MB) \(pg_dump custom format, [\d,]+ claims\) in [\d.]+ s; read back whole: ok\.$/m,
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Written after the backup: gone once it is restored, still in the database kept aside.
    await db.actor.create({ data: { slug: "after-backup", name: "After the backup", kind: "MEDIA" } });
    await db.claim.count(); // the pool holds a session, as a running server's does
    const refused = await cli("db-restore", [file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/connected \(claimwatch\) — the server is probably running\. Stop it first/);
    expect(refused.stderr).toContain("Nothing was changed.");
    expect(await db.actor.count({ where: { slug: "after-backup" } })).toBe(1);

    await db.$disconnect();
    const restored = await cli("db-restore", [file]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/read back whole ok; a Claimwatch database with [\d,]+ claims/);
    const kept = /kept as (\S+);/.exec(restored.stdout)?.[1];
    // The name is the live one shortened to fit PostgreSQL's 63 bytes, then the suffix.
    expect(kept).toMatch(/_before_restore_\d{8}t\d{6}z$/);
    expect(kept!.length).toBeLessThanOrEqual(63);
    expect(database().startsWith(kept!.replace(/_before_restore_.*$/, ""))).toBe(true);
    for (const output of [made, refused, restored])
      expect(output.stdout + output.stderr).not.toContain(`:${password()}@`);

    db = await reconnect();
    expect(await db.actor.count({ where: { slug: "after-backup" } })).toBe(0);
    expect(await db.claim.count()).toBeGreaterThan(0);
    const aside = await createPrismaClient(withDatabase(url, kept!));
    try {
      expect(await aside.actor.count({ where: { slug: "after-backup" } })).toBe(1);
    } finally {
      await aside.$disconnect();
    }
    // The restored database is whole: its search index and triggers work as before.
    const claim = await db.claim.findFirstOrThrow({ where: { publishedAt: { not: null } }, select: { id: true } });
    await db.claim.update({ where: { id: claim.id }, data: { statement: "Quorvantine depot restored and edited." } });
    const [found] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM "Claim" WHERE "search" @@ to_tsquery('claimwatch', 'quorvantine')`,
    );
    expect(found?.n).toBe(1);
  }, 120_000);
});

async function reconnect(): Promise<Db> {
  await db.$disconnect();
  return createPrismaClient(url);
}

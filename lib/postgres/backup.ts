import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import {
  CLAIMWATCH_TABLES,
  createPartialBackupFile,
  fsyncDir,
  fsyncFile,
  timestamp,
  type BackupCheck,
} from "@/lib/sqlite/backup";

// PostgreSQL-only: the counterpart of lib/sqlite/backup.ts with pg_dump and pg_restore, and the same checks. A backup
// is pg_dump's custom format (-Fc: compressed, one file, restorable table by table). Before a backup gets its name
// and before a restore touches anything, the whole archive is read back through pg_restore: every data block must
// decompress, Claimwatch's tables must be there, and its migrations must be known to this version. A restore goes
// into a new database, is checked there, and only then swapped with the live one by two renames in one transaction:
// a damaged file or a failed restore leaves the live database as it was, and the replaced one is kept.
// The password never reaches a command line: the tools get it from a pgpass file of their own (mode 0600).

const PACKAGE_HINT = "install the PostgreSQL client tools (Debian: apt-get install postgresql-client)";

/** pg_dump or pg_restore: on PATH, else the newest in /usr/lib/postgresql/<version>/bin (Debian's layout). */
export function postgresTool(
  name: "pg_dump" | "pg_restore",
  env: Record<string, string | undefined> = process.env,
  root = "/usr/lib/postgresql",
): string {
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(`${name} was not found on PATH or in ${root}/*/bin: ${PACKAGE_HINT}.`);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

type Server = { env: NodeJS.ProcessEnv; database: string; pgpass: string; dispose: () => void };

/**
 * The connection of `url` as libpq environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE) and a
 * pgpass file for the password, so that no process listing or log shows it.
 */
function serverOf(url: string): Server {
  const u = new URL(url);
  const database = databaseOf(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("PG")) delete env[key];
  if (u.hostname) env.PGHOST = u.hostname.replace(/^\[(.*)\]$/, "$1");
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  env.PGDATABASE = database;
  const params: Record<string, string> = {
    sslmode: "PGSSLMODE",
    sslrootcert: "PGSSLROOTCERT",
    sslcert: "PGSSLCERT",
    sslkey: "PGSSLKEY",
    host: "PGHOST",
  };
  for (const [param, key] of Object.entries(params)) {
    const value = u.searchParams.get(param);
    if (value) env[key] = value;
  }
  let pgpass = "";
  if (u.password) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimwatch-pg-"));
    pgpass = path.join(dir, "pgpass");
    const escape = (s: string) => s.replace(/[\\:]/g, (c) => `\\${c}`);
    // Any host, port, database and user of this run: the restore connects to a new database too.
    fs.writeFileSync(pgpass, `*:*:*:*:${escape(decodeURIComponent(u.password))}\n`, { mode: 0o600 });
    env.PGPASSFILE = pgpass;
  }
  return {
    env,
    database,
    pgpass,
    dispose: () => {
      if (pgpass) fs.rmSync(path.dirname(pgpass), { recursive: true, force: true });
    },
  };
}

/** Runs a client tool; stdout line by line to `onLine` when given. Rejects with the tool's own error lines. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", onLine ? "pipe" : "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 10_000) stderr += chunk.toString("utf8");
    });
    const lines =
      onLine && child.stdout ? readline.createInterface({ input: child.stdout, crlfDelay: Infinity }) : null;
    if (lines && onLine) lines.on("line", onLine);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(tool)} failed: ${stderr.trim() || `exit code ${code}`}`));
    });
  });
}

/** What reading a whole archive found: rows per table and the migrations it records as applied. */
type ArchiveContents = { rows: Map<string, number>; migrations: string[] };

/**
 * Reads the whole archive back as pg_restore would replay it (to standard output, nothing restored): this
 * decompresses every data block, so a truncated or damaged file fails here, not halfway through a restore.
 */
async function readArchive(file: string, env: NodeJS.ProcessEnv): Promise<ArchiveContents> {
  const rows = new Map<string, number>();
  const migrations: string[] = [];
  let table: string | null = null;
  let columns: string[] = [];
  await runTool(postgresTool("pg_restore", env), ["--file=-", file], env, (line) => {
    if (table === null) {
      const copy = /^COPY (?:\w+|"[^"]+")\.("?)([^"(]+)\1 \(([^)]*)\) FROM stdin;$/.exec(line);
      if (copy) {
        table = copy[2] as string;
        columns = (copy[3] as string).split(", ").map((c) => c.replace(/^"|"$/g, ""));
        rows.set(table, 0);
      }
      return;
    }
    if (line === "\\.") {
      table = null;
      return;
    }
    rows.set(table, (rows.get(table) ?? 0) + 1);
    if (table === "_prisma_migrations") {
      const values = line.split("\t");
      const at = (name: string) => values[columns.indexOf(name)];
      if (at("finished_at") !== "\\N" && at("rolled_back_at") === "\\N") migrations.push(at("migration_name") ?? "");
    }
  });
  return { rows, migrations: migrations.sort() };
}

/** A SQLite file starts with these 16 bytes; pg_dump's custom format with "PGDMP". */
const SQLITE_MAGIC = "SQLite format 3\0";
const PGDUMP_MAGIC = "PGDMP";

/**
 * Whether `file` may replace the database: pg_dump's custom format, readable to its last byte, with Claimwatch's
 * tables, made by this version of Claimwatch or an older one (`knownMigrations`: prisma/postgres/migrations).
 */
export async function checkPostgresBackup(file: string, knownMigrations: string[]): Promise<BackupCheck> {
  if (!fs.existsSync(file)) return { ok: false, message: `${file} does not exist.` };
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === SQLITE_MAGIC)
    return {
      ok: false,
      message: `${file} is a SQLite backup, but DATABASE_URL is a PostgreSQL database: restore it with a file: DATABASE_URL, or move its data with db:export and db:import.`,
    };
  if (head.subarray(0, 5).toString("latin1") !== PGDUMP_MAGIC)
    return {
      ok: false,
      message: `${file} is not a PostgreSQL backup (pg_dump's custom format, as npm run db:backup makes).`,
    };
  let contents: ArchiveContents;
  try {
    contents = await readArchive(file, process.env);
  } catch (error) {
    return { ok: false, message: `${file} is damaged or incomplete: ${describe(error)}` };
  }
  const missing = CLAIMWATCH_TABLES.filter((t) => !contents.rows.has(t));
  if (missing.length)
    return {
      ok: false,
      message: `${file} is a PostgreSQL backup but not a Claimwatch one (no ${missing.join(", ")} table${missing.length > 1 ? "s" : ""}).`,
    };
  const unknown = contents.migrations.filter((m) => !knownMigrations.includes(m));
  if (unknown.length)
    return {
      ok: false,
      message: `${file} was made by a newer Claimwatch: its migrations ${unknown.join(", ")} are unknown to this one. Restore it with the version that made it.`,
    };
  return {
    ok: true,
    migrations: contents.migrations,
    pendingMigrations: knownMigrations.filter((m) => !contents.migrations.includes(m)),
    claims: contents.rows.get("Claim") ?? 0,
    users: contents.rows.get("User") ?? 0,
  };
}

export type PostgresBackupResult = { file: string; bytes: number; claims: number; ms: number };

/**
 * pg_dump -Fc of the database at `url` into the new file `target`: one consistent snapshot (pg_dump reads in one
 * repeatable-read transaction while the server carries on). Written beside `target` with mode 0600, read back
 * whole (checkPostgresBackup), synced and renamed into place, so a half-made backup never has the final name.
 */
export async function backupPostgres(
  url: string,
  target: string,
  knownMigrations: string[],
): Promise<PostgresBackupResult> {
  const started = performance.now();
  // pg_dump keeps the owner-only mode of the file it writes into.
  const partial = createPartialBackupFile(target);
  const server = serverOf(url);
  try {
    await runTool(postgresTool("pg_dump", server.env), ["--format=custom", `--file=${partial}`], server.env);
    const check = await checkPostgresBackup(partial, knownMigrations);
    if (!check.ok) throw new Error(`the backup failed its check: ${check.message}`);
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
    return { file: target, bytes: fs.statSync(target).size, claims: check.claims, ms: performance.now() - started };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    server.dispose();
  }
}

/** Another database on the same server: where CREATE and ALTER DATABASE run (never the one being replaced). */
function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "claimwatch-restore" });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Sessions connected to the database of `url` (a running server holds its pool's), other than this check's own. */
export async function sessionsOn(url: string): Promise<{ pid: number; application: string }[]> {
  return withClient(maintenanceUrl(url), async (client) => {
    const result = await client.query<{ pid: number; application: string }>(
      "SELECT pid, application_name AS application FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [databaseOf(url)],
    );
    return result.rows;
  });
}

export type PostgresRestoreResult = { previous: string | null; ms: number };

/** A database name within PostgreSQL's 63 bytes: the live name shortened, then the suffix. */
function sideName(database: string, suffix: string): string {
  return `${database.slice(0, 63 - suffix.length)}${suffix}`;
}

/**
 * Replaces the database of `url` with the checked backup `file`: pg_restore into a new database (one transaction,
 * stopping at the first error), the restored row counts compared with the file's, then two renames in one
 * transaction — the live database becomes `<name>_before_restore_<time>` (kept, so a mistaken restore can be
 * undone) and the new one takes its name. Any failure before the renames drops the new database and leaves the live
 * one untouched. The renames need the live database free of sessions: `force` ends the remaining ones first.
 */
export async function restorePostgres(
  file: string,
  url: string,
  expected: { claims: number; users: number },
  options: { force?: boolean; now?: Date } = {},
): Promise<PostgresRestoreResult> {
  const started = performance.now();
  const server = serverOf(url);
  const live = server.database;
  const stamp = timestamp(options.now).toLowerCase();
  const fresh = sideName(live, `_restore_${stamp}`);
  const previous = sideName(live, `_before_restore_${stamp}`);
  const admin = maintenanceUrl(url);
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  try {
    const settings = await withClient(admin, async (client) => {
      const found = await client.query<{ encoding: string; collate: string; ctype: string }>(
        `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
         FROM pg_database WHERE datname = $1`,
        [live],
      );
      return found.rows[0] ?? null;
    });
    const like = settings
      ? ` ENCODING '${settings.encoding}' LC_COLLATE '${settings.collate}' LC_CTYPE '${settings.ctype}'`
      : "";
    await withClient(admin, (client) => client.query(`CREATE DATABASE ${ident(fresh)} TEMPLATE template0${like}`));
    const freshEnv = { ...server.env, PGDATABASE: fresh };
    try {
      await runTool(
        postgresTool("pg_restore", server.env),
        ["--single-transaction", "--exit-on-error", "--no-owner", `--dbname=${fresh}`, file],
        freshEnv,
      );
      const freshUrl = new URL(url);
      freshUrl.pathname = `/${fresh}`;
      const counts = await withClient(freshUrl.toString(), async (client) => {
        const result = await client.query<{ claims: number; users: number }>(
          `SELECT (SELECT COUNT(*) FROM "Claim")::int AS claims, (SELECT COUNT(*) FROM "User")::int AS users`,
        );
        return result.rows[0]!;
      });
      if (counts.claims !== expected.claims || counts.users !== expected.users)
        throw new Error(
          `the restored database has ${counts.claims} claims and ${counts.users} accounts, the backup ${expected.claims} and ${expected.users}`,
        );
      await withClient(admin, async (client) => {
        if (options.force)
          await client.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            [live],
          );
        await client.query("BEGIN");
        try {
          if (settings) await client.query(`ALTER DATABASE ${ident(live)} RENAME TO ${ident(previous)}`);
          await client.query(`ALTER DATABASE ${ident(fresh)} RENAME TO ${ident(live)}`);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      });
    } catch (error) {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${ident(fresh)} WITH (FORCE)`));
      throw error;
    }
    return { previous: settings ? previous : null, ms: performance.now() - started };
  } finally {
    server.dispose();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

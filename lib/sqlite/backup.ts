import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// SQLite-only (a PostgreSQL build uses pg_dump and pg_restore): backups of the live database with SQLite's online
// backup API, the checks a backup must pass before it may replace the database, and the replacement itself.

const BUSY_TIMEOUT = "PRAGMA busy_timeout = 5000";
/** Owner read and write only. */
export const BACKUP_MODE = 0o600;

/**
 * Where a backup to `target` is written until it is whole (then renamed): refuses a `target` that exists — backups
 * are never overwritten — and creates the file readable by its owner only, whatever the umask, before a byte is
 * written, because a backup holds password hashes and session digests. For both engines (lib/postgres/backup.ts).
 */
export function createPartialBackupFile(target: string): string {
  if (fs.existsSync(target))
    throw new Error(`${target} already exists; choose a new file name (backups are never overwritten).`);
  const partial = `${target}.partial-${process.pid}`;
  fs.closeSync(fs.openSync(partial, "wx", BACKUP_MODE));
  fs.chmodSync(partial, BACKUP_MODE);
  return partial;
}

/** The tables of Claimwatch's schema; a file without them is some other SQLite database. */
export const CLAIMWATCH_TABLES = [
  "_prisma_migrations",
  "Actor",
  "Incident",
  "Claim",
  "Source",
  "ClaimSource",
  "CasualtyFigure",
  "ClaimLink",
  "StatusChange",
  "AuditEvent",
  "User",
  "Session",
];

export type BackupResult = { file: string; bytes: number; pages: number; ms: number };

/** "20261125T183005Z": UTC, sortable, safe in file names. */
export function timestamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/**
 * Copies the database at `source` into the new file `target` with SQLite's online backup, while the server keeps
 * reading and writing. The copy is one read transaction (every page in a single step), so it is the database as of
 * one moment even with writers in other processes: in WAL mode they carry on meanwhile. The result is written
 * beside `target`, switched out of WAL mode (one self-contained file), checked, synced and renamed into place,
 * so a half-made backup never has the final name.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  const started = performance.now();
  // SQLite gives its journal the same mode as the file.
  const partial = createPartialBackupFile(target);
  const db = new Database(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.exec(BUSY_TIMEOUT);
    const result = await db.backup(partial, {
      // The first step only measures; asking for every page in the next makes the copy one consistent snapshot.
      progress: ({ totalPages }) => totalPages,
    });
    pages = result.totalPages;
  } catch (error) {
    removeFiles(partial);
    throw error;
  } finally {
    db.close();
  }
  try {
    const copy = new Database(partial);
    try {
      copy.exec("PRAGMA journal_mode = DELETE");
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`the copy failed its integrity check: ${problems.slice(0, 5).join("; ")}`);
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    fs.renameSync(partial, target);
    fsyncDir(path.dirname(target));
  } catch (error) {
    removeFiles(partial);
    throw error;
  }
  return { file: target, bytes: fs.statSync(target).size, pages, ms: performance.now() - started };
}

export type BackupCheck =
  | { ok: true; migrations: string[]; pendingMigrations: string[]; claims: number; users: number }
  | { ok: false; message: string };

/**
 * Whether `file` may replace the database: it opens read-only, passes `PRAGMA integrity_check`, has Claimwatch's
 * tables, and was made by this version of Claimwatch or an older one (its migrations are all known here; the
 * missing ones are applied by `npm run db:migrate`, which `npm start` runs).
 */
export function checkBackup(file: string, knownMigrations: string[]): BackupCheck {
  if (!fs.existsSync(file)) return { ok: false, message: `${file} does not exist.` };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, message: `${file} cannot be opened as a SQLite database: ${describe(error)}` };
  }
  try {
    db.exec(BUSY_TIMEOUT);
    const problems = integrityProblems(db);
    if (problems.length)
      return {
        ok: false,
        message: `${file} is damaged: PRAGMA integrity_check found ${problems.length === 1 ? "a problem" : "problems"}: ${problems.slice(0, 5).join("; ")}`,
      };
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const missing = CLAIMWATCH_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      return {
        ok: false,
        message: `${file} is a SQLite database but not a Claimwatch one (no ${missing.join(", ")} table${missing.length > 1 ? "s" : ""}).`,
      };
    const applied = (
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
        )
        .all() as { migration_name: string }[]
    ).map((m) => m.migration_name);
    const unknown = applied.filter((m) => !knownMigrations.includes(m));
    if (unknown.length)
      return {
        ok: false,
        message: `${file} was made by a newer Claimwatch: its migrations ${unknown.join(", ")} are unknown to this one. Restore it with the version that made it.`,
      };
    const count = (table: string) =>
      Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number | bigint }).n);
    return {
      ok: true,
      migrations: applied,
      pendingMigrations: knownMigrations.filter((m) => !applied.includes(m)),
      claims: count("Claim"),
      users: count("User"),
    };
  } catch (error) {
    return { ok: false, message: `${file} cannot be read as a SQLite database: ${describe(error)}` };
  } finally {
    db.close();
  }
}

/** The migrations this version of Claimwatch has, by folder name. */
export function knownMigrations(migrationsDir = path.resolve("prisma/migrations")): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Process ids that have `database` (or its -wal/-shm files) open, read from /proc on Linux; null where there is no
 * /proc to read. A running server keeps its connection open, so this finds it.
 */
export function processesUsing(database: string): number[] | null {
  if (!fs.existsSync("/proc/self/fd")) return null;
  const wanted = new Set([database, `${database}-wal`, `${database}-shm`].map((f) => path.resolve(f)));
  const found = new Set<number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or another user's: not ours to read
    }
    for (const fd of fds) {
      try {
        if (wanted.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))) found.add(Number(entry));
      } catch {
        // closed meanwhile
      }
    }
  }
  return [...found];
}

export type RestoreResult = { previous: string | null; bytes: number; ms: number };

/**
 * Replaces the database at `target` with the checked backup `file`: the current database is first copied aside
 * with the backup API (its WAL included) as `<target>.before-restore-<time>`, so a mistaken restore can be undone;
 * the backup is copied to a temporary file beside the target and synced; the old -wal and -shm files are removed
 * (SQLite would otherwise replay the old database's log onto the restored one); then the copy is renamed into place.
 * The caller makes sure nothing has the database open (processesUsing).
 */
export async function restoreDatabase(file: string, target: string, now = new Date()): Promise<RestoreResult> {
  const started = performance.now();
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${timestamp(now)}`;
    await backupDatabase(target, previous);
  }
  const temporary = `${target}.restore-${process.pid}.tmp`;
  try {
    fs.copyFileSync(file, temporary);
    fs.chmodSync(temporary, BACKUP_MODE); // the live database holds the same secrets as its backups
    fsyncFile(temporary);
    removeFiles(`${target}-wal`, `${target}-shm`);
    fs.renameSync(temporary, target);
    fsyncDir(path.dirname(target));
  } catch (error) {
    removeFiles(temporary);
    throw error;
  }
  const restored = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const result = restored.pragma("quick_check", { simple: true });
    if (result !== "ok")
      throw new Error(`the restored database failed its check (${String(result)}); the previous one is at ${previous}`);
  } finally {
    restored.close();
  }
  return { previous, bytes: fs.statSync(target).size, ms: performance.now() - started };
}

function integrityProblems(db: Database.Database): string[] {
  const rows = db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; some platforms cannot open a directory, and then there is nothing to do. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeFiles(...files: string[]): void {
  for (const f of files) fs.rmSync(f, { force: true });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

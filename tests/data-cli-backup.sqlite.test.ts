import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { runCli } from "./helpers/run-cli";
import { createTestDb } from "./helpers/test-db";

// npm run db:backup and db:restore on SQLite as an operator runs them (PostgreSQL: tests/postgres-backup.postgres.test.ts).

let url: string;
let cleanup: () => Promise<void>;
const dir = path.resolve("tmp/unit", `cli-backup-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  ({ url, cleanup } = await createTestDb());
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (script: string, args: string[]) => runCli(script, args, url);

describe("npm run db:backup, db:restore", () => {
  it("backs up with the size and the time taken, and the restore refuses to run under an open connection", async () => {
    const backup = path.join(dir, "backup.db");
    const made = await cli("db-backup", [backup]);
    expect(made.code).toBe(0);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600); // it holds password hashes
    expect(made.stdout).toMatch(
      /^Backed up .* to .*backup\.db: [\d.]+ (KB|MB) \([\d,]+ pages\) in [\d.]+ s; integrity check ok\.$/m,
    );

    // This test process holds the database open, as a running server would.
    const refused = await cli("db-restore", [backup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is open in process ${process.pid}`);
    expect(refused.stderr).toContain("Stop it first, then restore.");
  });

  it("restore refuses a file that is not a Claimwatch database, changing nothing", async () => {
    const other = path.join(dir, "other.db");
    const conn = new Database(other);
    conn.exec("CREATE TABLE t (x)");
    conn.close();
    const before = fs.statSync(sqliteFilePath(url)).mtimeMs;
    const result = await cli("db-restore", [other, "--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is a SQLite database but not a Claimwatch one");
    expect(result.stderr).toContain("Nothing was changed.");
    expect(fs.statSync(sqliteFilePath(url)).mtimeMs).toBe(before);
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportToString } from "@/lib/data-io/export";
import type { Db } from "@/lib/db/create-client";
import { runCli } from "./helpers/run-cli";
import { createTestDb } from "./helpers/test-db";
import { actorRecord, claimRecord, everyTableCount, jsonFile } from "./helpers/data-io";

// The npm scripts as an operator runs them: exit codes, what they print, what they leave on disk. On both engines;
// db:backup and db:restore are engine-specific: tests/data-cli-backup.sqlite.test.ts, tests/postgres-backup.postgres.test.ts.

let db: Db;
let url: string;
let cleanup: () => Promise<void>;
const dir = path.resolve("tmp/unit", `cli-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  fs.mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (script: string, args: string[]) => runCli(script, args, url);

const write = (name: string, data: Uint8Array | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};

const goodFile = () =>
  jsonFile({
    actors: [actorRecord("cli-actor")],
    claims: [
      claimRecord("cli-claim-1", "cli-actor"),
      claimRecord("cli-claim-2", "cli-actor", { published: false, publishedAt: undefined }),
    ],
  });

describe("npm run db:import", () => {
  it("exits 1 with every error and writes nothing", async () => {
    const before = await everyTableCount(db);
    const file = write(
      "bad.json",
      jsonFile({
        claims: [
          claimRecord("cli-bad", "nobody", {
            figures: [
              {
                reportedBy: "nobody",
                population: "CIVILIANS",
                outcome: "KILLED",
                min: 9,
                max: 2,
                noSourceReason: "Read out at a press briefing; no transcript.",
              },
            ],
          }),
        ],
      }),
    );
    const result = await cli("db-import", [file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`3 errors in ${file}; nothing was written:`);
    expect(result.stderr).toContain(
      "line 6, claims[0].figures[0].max: The highest figure cannot be below the lowest (9).",
    );
    expect(result.stderr).toContain(
      "line 6, claims[0].claimant: no actor “nobody” in this file's actors or in the database.",
    );
    expect(result.stderr).toContain(
      "line 6, claims[0].figures[0].reportedBy: no actor “nobody” in this file's actors or in the database.",
    );
    expect(await everyTableCount(db)).toEqual(before);
  });

  it("--dry-run reports what would change and writes nothing; without it the file is imported", async () => {
    const file = write("good.json", goodFile());
    const before = await everyTableCount(db);
    const dry = await cli("db-import", [file, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^Dry run, nothing written: .*good\.json \(JSON, .*, 3 records\) into (file:|postgresql:\/\/claimwatch:\*\*\*@).* in [\d.]+ s; it would make these changes:/,
    );
    expect(dry.stdout).toContain("claims          2 created, 0 updated, 0 unchanged");
    expect(await everyTableCount(db)).toEqual(before);

    const real = await cli("db-import", [file]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^Imported: /);
    expect(await db.claim.count({ where: { slug: { startsWith: "cli-claim-" } } })).toBe(2);
  });

  it("refuses an unknown option and a missing file argument", async () => {
    expect(await cli("db-import", ["--force"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("unknown option --force"),
    });
    expect(await cli("db-import", [])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("give the file to import"),
    });
  });
});

describe("npm run db:export", () => {
  it("exports what exportToString gives, through a file renamed into place", async () => {
    const target = path.join(dir, "export.json");
    const result = await cli("db-export", [target]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Exported (file:|postgresql:\/\/[^:]*:\*\*\*@).* to .*export\.json \([\d.]+ (bytes|KB)\) in [\d.]+ s\.$/m,
    );
    expect(fs.readFileSync(target, "utf8")).toBe(await exportToString(db));
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
  });
});

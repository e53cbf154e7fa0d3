import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { adminQuery, databaseName, postgresTestServer, withDatabase } from "./postgres-test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

// One migrated template database per run (unique, so parallel runs never share it); each test file copies it.
// With TEST_DATABASE_URL=postgresql://… the template is a database on that server (tests/helpers/postgres-test-db.ts).
export default async function setup(project: TestProject) {
  const server = postgresTestServer();
  if (server) {
    const template = databaseName("claimwatch_template", randomUUID());
    await adminQuery(server, `CREATE DATABASE "${template}"`);
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: withDatabase(server, template) },
      stdio: "pipe",
    });
    project.provide("templateDb", template);
    return async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    };
  }
  const dir = path.resolve("tmp/unit");
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, `template-${randomUUID()}.db`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  project.provide("templateDb", template);
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  };
}

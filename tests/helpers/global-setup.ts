import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

// One migrated template database per run (unique, so parallel runs never share it); each test file copies it.
export default function setup(project: TestProject) {
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

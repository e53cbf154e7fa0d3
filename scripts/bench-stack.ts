import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { benchEditorSaves, type EditorRow } from "./bench-editors";
import { load, warm, type LoadRow } from "./bench-http";

// `npm run bench:stack`: the deployment of docs/deploy.md measured through nginx, in one run — SQLite with one
// instance, PostgreSQL with one instance, PostgreSQL with two (scripts/stack.sh starts and stops each). Reader
// pages under autocannon and editor saves by EDITORS concurrent editors. Builds once, then reuses the build.
// BENCH_STACK_CONFIGS picks configurations ("sqlite-1,postgres-1,postgres-2"); BENCH_SECONDS the length of each;
// SKIP_BUILD=1 reuses the build in .next.

const EDITORS = Number(process.env.BENCH_STACK_EDITORS ?? 20);
/** How long the editors save (scripts/bench-editors.ts reads the same variable). */
const EDITOR_SECONDS = Number(process.env.BENCH_EDITOR_SECONDS ?? 20);
const CLAIMS = Number(process.env.BENCH_STACK_CLAIMS ?? 2000);
const PORT = Number(process.env.STACK_PORT ?? 8080);
const BASE = `http://127.0.0.1:${PORT}`;
const STACK_DIR = path.resolve("tmp/bench-stack");

type Config = { name: string; engine: "sqlite" | "postgres"; instances: 1 | 2 };
const ALL: Config[] = [
  { name: "sqlite-1", engine: "sqlite", instances: 1 },
  { name: "postgres-1", engine: "postgres", instances: 1 },
  { name: "postgres-2", engine: "postgres", instances: 2 },
];
const chosen = (process.env.BENCH_STACK_CONFIGS ?? ALL.map((c) => c.name).join(",")).split(",");

function stack(command: "up" | "down", config: Config, skipBuild: boolean): void {
  execFileSync("bash", ["scripts/stack.sh", command], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      STACK_DIR,
      STACK_ENGINE: config.engine,
      STACK_INSTANCES: String(config.instances),
      STACK_PORT: String(PORT),
      SKIP_BUILD: skipBuild ? "1" : "0",
    },
  });
}

/** The DATABASE_URL the stack's instances were given (scripts/stack.sh writes their settings to STACK_DIR/env). */
function stackDatabaseUrl(): string {
  const line = fs
    .readFileSync(path.join(STACK_DIR, "env"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("DATABASE_URL="));
  if (!line) throw new Error(`no DATABASE_URL in ${STACK_DIR}/env`);
  return line.slice("DATABASE_URL=".length);
}

type Result = { config: Config; pages: LoadRow[]; editors: EditorRow };

async function measure(config: Config, skipBuild: boolean): Promise<Result> {
  console.error(`\n== ${config.name}`);
  stack("up", config, skipBuild);
  try {
    const databaseUrl = stackDatabaseUrl();
    execFileSync("npx", ["tsx", "scripts/synthetic.ts", String(CLAIMS), "--seed", "7"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    const db = await createPrismaClient(databaseUrl);
    try {
      const slugs = (
        await db.claim.findMany({
          where: { publishedAt: { not: null }, synthetic: true },
          select: { slug: true },
          orderBy: { id: "asc" },
          take: 500,
        })
      ).map((c) => c.slug);
      const pick = () => slugs[Math.floor(Math.random() * slugs.length)]!;
      const scenarios: [string, () => string, string[]][] = [
        ["/", () => "/", Array(20).fill("/")],
        ["/claims/[slug], 500 claims read once before", () => `/claims/${pick()}`, slugs.map((s) => `/claims/${s}`)],
        ["/claims?status=DISPUTED", () => "/claims?status=DISPUTED", Array(20).fill("/claims?status=DISPUTED")],
        ["/claims?q=killed", () => "/claims?q=killed", Array(20).fill("/claims?q=killed")],
      ];
      const pages: LoadRow[] = [];
      for (const [name, next, before] of scenarios) {
        await warm(before, BASE);
        pages.push(await load(name, next, undefined, BASE));
      }
      const editors = await benchEditorSaves(db, { editors: EDITORS, base: BASE });
      console.error(`  editor saves: p95 ${editors.p95ms} ms, ${editors.saves} saves, ${editors.errors} errors`);
      return { config, pages, editors };
    } finally {
      await db.$disconnect();
    }
  } finally {
    stack("down", config, true);
  }
}

async function main(): Promise<void> {
  const configs = ALL.filter((c) => chosen.includes(c.name));
  if (configs.length === 0) throw new Error(`BENCH_STACK_CONFIGS names none of ${ALL.map((c) => c.name).join(", ")}`);
  const loadBefore = os.loadavg();
  const results: Result[] = [];
  for (const [i, config] of configs.entries())
    results.push(await measure(config, i > 0 || process.env.SKIP_BUILD === "1"));

  const scenarios = results[0]!.pages.map((p) => p.scenario);
  const header = ["measure", ...results.map((r) => r.config.name)];
  const rows: string[][] = [];
  for (const [i, scenario] of scenarios.entries()) {
    rows.push([`${scenario}: req/s`, ...results.map((r) => String(r.pages[i]!.reqPerSec))]);
    rows.push([`${scenario}: p95 ms`, ...results.map((r) => String(r.pages[i]!.p95ms))]);
    rows.push([
      `${scenario}: errors + non-2xx`,
      ...results.map((r) => String(r.pages[i]!.errors + r.pages[i]!.non2xx)),
    ]);
  }
  rows.push([`editor saves (${EDITORS} editors): p95 ms`, ...results.map((r) => String(r.editors.p95ms))]);
  rows.push([`editor saves: saves/s`, ...results.map((r) => String(Math.round(r.editors.saves / EDITOR_SECONDS)))]);
  rows.push([`editor saves: errors`, ...results.map((r) => String(r.editors.errors))]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(
    [
      `bench:stack on ${os.cpus().length} cores, load average before ${loadBefore.map((l) => l.toFixed(1)).join(" ")}`,
      "",
      line(header),
      line(header.map(() => "---")),
      ...rows.map(line),
    ].join("\n"),
  );
  const failed = results.find((r) => r.editors.firstError);
  if (failed) console.log(`\nfirst editor error (${failed.config.name}): ${failed.editors.firstError}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

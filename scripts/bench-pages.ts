import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import { createPrismaClient } from "@/lib/db/create-client";
import { BENCH_DATABASE_URL, prepareBenchDatabase } from "./bench-db";

// `npm run bench:pages`: reader pages, searches and the JSON API under load on 127.0.0.1, against a database of
// 100,000 synthetic claims (scripts/bench-db.ts). Each run is bounded (BENCH_SECONDS per scenario, default 10).
// Targets (docs/performance.md): /claims p95 < 200 ms at 10 connections, the claim page faster. Prints req/s and
// p50/p95/p99 per scenario, and writes bench-results/pages.json.

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const base = `http://127.0.0.1:${PORT}`;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
}

async function prepareDatabase(): Promise<string[]> {
  await prepareBenchDatabase(CLAIMS);
  const db = await createPrismaClient(BENCH_DATABASE_URL);
  const sample = await db.claim.findMany({
    where: { publishedAt: { not: null }, synthetic: true },
    select: { slug: true },
    orderBy: { id: "asc" },
    take: 2000,
  });
  await db.$disconnect();
  return sample.map((c) => c.slug);
}

async function startServer(): Promise<ChildProcess> {
  if (!fs.existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1") run("npx", ["next", "build"]);
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: BENCH_DATABASE_URL, NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/methodology`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start within 60 s");
}

type Scenario = { name: string; paths: () => string };

async function measure({ name, paths }: Scenario) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }] },
      (error, res) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res)),
    );
    // autocannon reports p90/p97.5 but not p95: keep every response time and compute it.
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status !== 200) errors++;
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  const row = {
    scenario: name,
    requests: times.length,
    reqPerSec: Math.round(result.requests.average),
    p50ms: Math.round(pct(50)),
    p95ms: Math.round(pct(95)),
    p99ms: Math.round(pct(99)),
    non200: errors,
  };
  console.log(JSON.stringify(row));
  return row;
}

async function main() {
  const slugs = await prepareDatabase();
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const statuses = ["DISPUTED", "UNVERIFIABLE", "MISLEADING", "FALSE", "CONFIRMED", "UNVERIFIED"];
  const categories = ["CASUALTIES", "MILITANT_HARBOURING", "SOVEREIGNTY_VIOLATION", "CIVILIAN_HARM"];
  const words = ["soldiers", "killed", "checkpoint", "ceasefire", "sol", "bor", "جعلي", "convoy closed", "drone strike"];
  const scenarios: Scenario[] = [
    { name: "/claims?status=DISPUTED (one URL, cache warm)", paths: () => "/claims?status=DISPUTED" },
    {
      name: "/claims with varied filters and pages (mostly cache misses)",
      paths: () => `/claims?status=${pick(statuses)}&category=${pick(categories)}&page=${1 + Math.floor(Math.random() * 50)}`,
    },
    {
      name: "/claims?q= search, varied words and pages (mostly cache misses)",
      paths: () => `/claims?q=${encodeURIComponent(pick(words))}&page=${1 + Math.floor(Math.random() * 5)}`,
    },
    { name: "/api/claims?status=DISPUTED (one URL, cache warm)", paths: () => "/api/claims?status=DISPUTED" },
    {
      name: "/api/claims with varied filters and pages (mostly cache misses)",
      paths: () => `/api/claims?status=${pick(statuses)}&category=${pick(categories)}&page=${1 + Math.floor(Math.random() * 50)}`,
    },
    { name: "/claims/[slug] (one claim, cache warm)", paths: () => `/claims/${slugs[0]}` },
    { name: "/claims/[slug] (2,000 different claims)", paths: () => `/claims/${pick(slugs)}` },
    { name: "/ dashboard", paths: () => "/" },
  ];
  const server = await startServer();
  const rows = [];
  try {
    for (const s of scenarios) rows.push(await measure(s));
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync("bench-results/pages.json", JSON.stringify({ at: new Date().toISOString(), claims: CLAIMS, connections: CONNECTIONS, seconds: SECONDS, rows }, null, 2));
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

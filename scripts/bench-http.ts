import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

// The HTTP half of `npm run bench` (scripts/bench.ts): build when the sources changed, start the production server on
// 127.0.0.1 against the bench database, and load one scenario at a time with autocannon.

export const PORT = Number(process.env.BENCH_PORT ?? 3470);
export const BASE = `http://127.0.0.1:${PORT}`;
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "generated",
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds unless .next is newer than every source (BENCH_BUILD=1 forces a build, BENCH_BUILD=0 never builds). */
/** The build prerenders /, /actors and /corrections from the database it is given: the bench's own. */
export function buildIfNeeded(databaseUrl: string): boolean {
  const built = fs.existsSync(".next/BUILD_ID") ? fs.statSync(".next/BUILD_ID").mtimeMs : 0;
  const stale = built === 0 || SOURCES.some((s) => newestMtime(s) > built);
  const build = process.env.BENCH_BUILD === "1" || (process.env.BENCH_BUILD !== "0" && stale);
  if (build)
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
  return build;
}

export async function startServer(databaseUrl: string): Promise<ChildProcess> {
  // The production server (scripts/server.mjs), as npm start runs it.
  const server = spawn("node", ["scripts/server.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      SITE_URL: BASE,
      PORT: String(PORT),
      LISTEN_HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null)
      throw new Error(`next start exited with ${server.exitCode} (is port ${PORT} taken? BENCH_PORT)`);
    try {
      if ((await fetch(`${BASE}/methodology`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(server);
  throw new Error("the server did not answer within 60 s");
}

export function stopServer(server: ChildProcess): void {
  // detached: the server is its own process group (npx → next), so one signal ends both.
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export type LoadRow = {
  scenario: string;
  requests: number;
  reqPerSec: number;
  p50ms: number;
  p95ms: number;
  non2xx: number;
  errors: number;
};

/** One autocannon run of `seconds` at CONNECTIONS connections; `nextPath` picks each request's path. */
export async function load(scenario: string, nextPath: () => string, seconds = SECONDS, base = BASE): Promise<LoadRow> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
      },
      (error, res) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res)),
    );
    // autocannon reports p90/p97.5 but not p95: keep every response time and compute it.
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status < 200 || status > 299) non2xx++;
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const row = {
    scenario,
    requests: times.length,
    reqPerSec: Math.round(times.length / seconds),
    p50ms: +percentile(times, 50).toFixed(1),
    p95ms: +percentile(times, 95).toFixed(1),
    non2xx,
    errors: result.errors + result.timeouts,
  };
  console.error(`  ${scenario}: ${row.reqPerSec} req/s, p50 ${row.p50ms} ms, p95 ${row.p95ms} ms, non-2xx ${non2xx}`);
  return row;
}

/** Requests every path once (in order, 10 at a time) so a later run measures warm caches, not first renders. */
export async function warm(paths: string[], base = BASE): Promise<void> {
  for (let i = 0; i < paths.length; i += 10) {
    await Promise.all(paths.slice(i, i + 10).map((p) => fetch(base + p).then((r) => r.arrayBuffer())));
  }
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createPrismaClient } from "@/lib/db/create-client";
import { firstLoadJs, lighthouse, type JsRow, type LighthouseRow } from "./bench-client";
import { BENCH_DATABASE_URL, prepareBenchDatabase } from "./bench-db";
import { benchEditorSaves, type EditorRow } from "./bench-editors";
import {
  BASE,
  CONNECTIONS,
  SECONDS,
  buildIfNeeded,
  load,
  startServer,
  stopServer,
  warm,
  type LoadRow,
} from "./bench-http";
import { benchSearch, type SearchRow } from "./bench-search";

// `npm run bench`: one command, one table (docs/performance.md, "npm run bench"; decision docs/decisions/0012-bench.md).
// Builds if the sources changed, makes or reuses tmp/bench/bench.db (100,000 synthetic claims), starts the
// production server on 127.0.0.1:3470 and measures, in this order: HTTP load of every reader page and the API
// against the baseline page of the same build, first-load JS, Lighthouse, editor saves through the real Server
// Actions; then, with the server stopped, full-text search in process. Prints one Markdown table with the
// targets (docs/performance.md) and writes bench-results/bench.json. Figures are for comparing within one run: the ratios, not the req/s,
// are what carries from one machine (or one busy minute) to another.

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);

type Line = { measure: string; value: string; ratio: string; target: string; met: "met" | "missed" | "—" };

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  await prepareBenchDatabase(CLAIMS);
  const built = buildIfNeeded(BENCH_DATABASE_URL);
  const db = await createPrismaClient(BENCH_DATABASE_URL);
  const slugs = (
    await db.claim.findMany({
      where: { publishedAt: { not: null }, synthetic: true },
      select: { slug: true },
      orderBy: { id: "asc" },
      take: 4000,
    })
  ).map((c) => c.slug);
  // Two sets of 2,000: the first is rendered once before it is measured (what the page cache serves once a page has
  // been read), the second is measured cold (every request the first of its URL: one render each).
  const warmSlugs = slugs.slice(0, 2000);
  const coldSlugs = slugs.slice(2000);
  const actors = (
    await db.actor.findMany({
      where: { claims: { some: { publishedAt: { not: null } } } },
      select: { slug: true },
      orderBy: { id: "asc" },
    })
  ).map((a) => a.slug);
  // Every page of a Cache Components build has an entry; one whose static shell is empty renders per request.
  type Prerendered = { response?: string; htmlSize?: number };
  const prerender = JSON.parse(fs.readFileSync(".next/prerender-manifest.json", "utf8")) as {
    routes: Record<string, Prerendered | undefined>;
  };
  const shell = prerender.routes["/bench-baseline"];
  const baselinePrerendered = shell !== undefined && shell.response !== "empty" && shell.htmlSize !== 0;

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const statuses = ["DISPUTED", "UNVERIFIABLE", "MISLEADING", "FALSE", "CONFIRMED", "UNVERIFIED"];
  const categories = ["CASUALTIES", "MILITANT_HARBOURING", "SOVEREIGNTY_VIOLATION", "CIVILIAN_HARM"];
  const words = [
    "soldiers",
    "killed",
    "checkpoint",
    "ceasefire",
    "sol",
    "bor",
    "جعلي",
    "convoy closed",
    "drone strike",
  ];
  const page = () => 1 + Math.floor(Math.random() * 50);
  // [scenario, next path, target ratio to the baseline (null: reference only), what to request before measuring:
  //  true = the one URL 20 times, a list = each of those URLs once, false = nothing]
  const scenarios: [string, () => string, number | null, boolean | string[]][] = [
    ["/claims/[slug], one claim", () => `/claims/${warmSlugs[0]}`, 0.8, true],
    [
      "/claims/[slug], 2,000 claims, each read once before",
      () => `/claims/${pick(warmSlugs)}`,
      0.8,
      warmSlugs.map((s) => `/claims/${s}`),
    ],
    [
      "/claims/[slug], 2,000 other claims, first request of each (cold)",
      () => `/claims/${pick(coldSlugs)}`,
      null,
      false,
    ],
    ["/", () => "/", 0.8, true],
    ["/actors", () => "/actors", 0.8, true],
    [`/actors/[slug], ${actors.length} actors, first requests (cold)`, () => `/actors/${pick(actors)}`, null, false],
    [
      `/actors/[slug], ${actors.length} actors, each read once before`,
      () => `/actors/${pick(actors)}`,
      0.8,
      actors.map((a) => `/actors/${a}`),
    ],
    ["/corrections", () => "/corrections", 0.8, true],
    ["/methodology", () => "/methodology", 0.8, true],
    ["/claims?status=DISPUTED", () => "/claims?status=DISPUTED", 0.5, true],
    [
      "/claims, varied filters and pages",
      () => `/claims?status=${pick(statuses)}&category=${pick(categories)}&page=${page()}`,
      0.2,
      false,
    ],
    [
      "/claims?q=, varied words and pages",
      () => `/claims?q=${encodeURIComponent(pick(words))}&page=${1 + Math.floor(Math.random() * 5)}`,
      0.2,
      false,
    ],
    ["/api/claims?status=DISPUTED", () => "/api/claims?status=DISPUTED", 0.5, true],
    [
      "/api/claims, varied filters and pages",
      () => `/api/claims?status=${pick(statuses)}&category=${pick(categories)}&page=${page()}`,
      null,
      false,
    ],
  ];

  const server = await startServer(BENCH_DATABASE_URL);
  let baseline: LoadRow, staticFile: LoadRow | undefined;
  const pages: (LoadRow & { target: number | null })[] = [];
  const js: JsRow[] = [];
  const audits: LighthouseRow[] = [];
  let editors: EditorRow;
  try {
    console.error(`server up at ${BASE}; ${CONNECTIONS} connections, ${SECONDS} s per scenario`);
    await warm(Array(20).fill("/bench-baseline"));
    baseline = await load(
      `baseline /bench-baseline (${baselinePrerendered ? "prerendered" : "NOT prerendered by this build"})`,
      () => "/bench-baseline",
    );
    const css = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(
      await (await fetch(`${BASE}/bench-baseline`)).text(),
    )?.[1];
    if (css) staticFile = await load("static CSS file (reference)", () => css, 5);
    for (const [name, next, target, before] of scenarios) {
      if (before === true) await warm(Array(20).fill(next()));
      else if (before) await warm(before);
      pages.push({ ...(await load(name, next)), target });
    }
    for (const p of [
      "/",
      "/claims",
      `/claims/${warmSlugs[0]}`,
      "/actors",
      `/actors/${actors[0]}`,
      "/corrections",
      "/methodology",
    ])
      js.push(await firstLoadJs(p));
    if (process.env.BENCH_LIGHTHOUSE !== "0") {
      for (const p of ["/", "/claims", `/claims/${warmSlugs[0]}`, `/actors/${actors[0]}`]) audits.push(lighthouse(p));
    }
    editors = await benchEditorSaves(db);
  } finally {
    stopServer(server);
  }
  // 100 searches a class (bench:search alone does 200): enough for a p95, and the run stays under 15 minutes.
  const search: SearchRow[] = await benchSearch(db, Number(process.env.BENCH_QUERIES ?? 100));
  await db.$disconnect();

  const lines: Line[] = [];
  const met = (ok: boolean) => (ok ? "met" : "missed");
  const fmt = (r: LoadRow) => `${r.reqPerSec} req/s · p50 ${r.p50ms} ms · p95 ${r.p95ms} ms · non-2xx ${r.non2xx}`;
  lines.push({ measure: baseline.scenario, value: fmt(baseline), ratio: "100%", target: "—", met: "—" });
  if (staticFile)
    lines.push({
      measure: staticFile.scenario,
      value: fmt(staticFile),
      ratio: `${Math.round((100 * staticFile.reqPerSec) / baseline.reqPerSec)}%`,
      target: "—",
      met: "—",
    });
  for (const r of pages) {
    const ratio = r.reqPerSec / baseline.reqPerSec;
    lines.push({
      measure: r.scenario,
      value: fmt(r),
      ratio: `${Math.round(100 * ratio)}%`,
      target: r.target === null ? "—" : `≥ ${r.target * 100}%, no non-2xx`,
      met: r.target === null ? "—" : met(ratio >= r.target && r.non2xx === 0 && r.errors === 0),
    });
  }
  lines.push({
    measure: `editor saves (10 editors, ${editors.statusChanges} status changes + ${editors.claimEdits} claim edits)`,
    value: `p50 ${editors.p50ms} ms · p95 ${editors.p95ms} ms · errors ${editors.errors}`,
    ratio: "—",
    target: "p95 < 100 ms, 0 errors",
    met: met(editors.p95ms < 100 && editors.errors === 0),
  });
  for (const s of search) {
    lines.push({
      measure: `search: ${s.class}, ~${s.avgMatches} matches`,
      value: `p95 ${s.searchP95ms} ms (whole /claims list: p95 ${s.pageP95ms} ms)`,
      ratio: "—",
      target: "p95 < 20 ms",
      met: met(s.searchP95ms < 20),
    });
  }
  for (const j of js)
    lines.push({
      measure: `first-load JS ${j.page}`,
      value: `${j.gzipKb} KB gzip (${j.scripts} scripts)`,
      ratio: "—",
      target: "≤ 120 KB",
      met: met(j.gzipKb <= 120),
    });
  for (const a of audits) {
    lines.push({
      measure: `Lighthouse ${a.page}`,
      value: a.error
        ? `failed: ${a.error}`
        : `performance ${a.performance} · accessibility ${a.accessibility} · LCP ${a.lcpMs} ms · TBT ${a.tbtMs} ms`,
      ratio: "—",
      target: "performance ≥ 98, accessibility 100",
      met: met((a.performance ?? 0) >= 98 && a.accessibility === 100),
    });
  }

  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const loadAvg = (l: number[]) => l.map((n) => n.toFixed(2)).join(" ");
  const header = [
    `npm run bench · ${new Date().toISOString()} · commit ${commit}${built ? " (built now)" : ""} · ${CLAIMS.toLocaleString("en")} synthetic claims`,
    `${machine} · load average before ${loadAvg(loadBefore)}, after ${loadAvg(os.loadavg())} · ${CONNECTIONS} connections, ${SECONDS} s a scenario · ${minutes} min`,
  ];
  const table = [
    "| measure | result | ratio to baseline | target | |",
    "| --- | --- | --- | --- | --- |",
    ...lines.map((l) => `| ${l.measure} | ${l.value} | ${l.ratio} | ${l.target} | ${l.met} |`),
  ];
  if (!baselinePrerendered)
    header.push(
      "Note: this build did not prerender /bench-baseline (every page renders per request), so the ratios compare against a dynamic page.",
    );
  console.log(["", ...header, "", ...table, ""].join("\n"));
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    "bench-results/bench.json",
    JSON.stringify(
      {
        at: new Date().toISOString(),
        commit,
        machine,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        claims: CLAIMS,
        connections: CONNECTIONS,
        seconds: SECONDS,
        minutes: Number(minutes),
        baselinePrerendered,
        baseline,
        staticFile,
        pages,
        editors,
        search,
        firstLoadJs: js,
        lighthouse: audits,
        table: lines,
      },
      null,
      2,
    ),
  );
  console.error("wrote bench-results/bench.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

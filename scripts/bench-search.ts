import fs from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { listPublishedClaims } from "@/lib/data/reads/claims";
import { searchClaimPage } from "@/lib/sqlite/search";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { toFtsQuery } from "@/lib/sqlite/fts-query";
import { parseClaimFilters } from "@/lib/validation/claim-filters";
import { BENCH_DATABASE_URL, prepareBenchDatabase } from "./bench-db";

// `npm run bench:search`: full-text search in process (no HTTP, no cache) against 100,000 synthetic claims, per
// class of search words, BENCH_QUERIES queries each (default 200) after a warm-up; `npm run bench` runs the same
// classes through benchSearch(). Two figures per class:
//   - "search": the SQL alone (count + one ranked page of ids, lib/sqlite/search.ts);
//   - "list page": what /claims pays, listPublishedClaims(): the search, the snippets and the 20 claim rows.
// Target (docs/performance.md): p95 < 20 ms. Prints the load average: this machine is shared, so figures vary with it.

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const WARMUP = 20;

type Query = { q: string; extra?: Record<string, string> };
type TermClass = { name: string; queries: (i: number) => Query };

/**
 * Words that match at most `max` published claims as searched, i.e. with prefix matching ("cross" also finds
 * "crossing", so it is not rare): candidates from the index's own vocabulary (fts5vocab), then counted.
 */
async function rareWords(db: Db, max: number): Promise<string[]> {
  await db.$executeRawUnsafe(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp."ClaimSearchVocab" USING fts5vocab(main, 'ClaimSearch', 'row')`,
  );
  const candidates = await db.$queryRaw<{ term: string }[]>`
    SELECT term FROM temp."ClaimSearchVocab" WHERE doc <= ${max} AND term GLOB '[a-z][a-z][a-z]*' ORDER BY term`;
  const words: string[] = [];
  for (const { term } of candidates) {
    const { total } = await searchClaimPage(db, toFtsQuery(term) ?? "", {}, { sort: "relevance", offset: 0, limit: 1 });
    if (total <= max) words.push(term);
  }
  return words;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(db: Db, termClass: TermClass, queries = QUERIES) {
  const search: number[] = [];
  const page: number[] = [];
  let matches = 0;
  for (let i = -WARMUP; i < queries; i++) {
    const { q, extra } = termClass.queries(i + WARMUP);
    const { filters } = parseClaimFilters({ q, ...extra, page: String(1 + (Math.abs(i) % 3)) });
    const match = toFtsQuery(q);
    if (!match) throw new Error(`nothing to search in ${q}`);
    let started = performance.now();
    const result = await searchClaimPage(db, match, filters, {
      sort: filters.sort,
      offset: (filters.page - 1) * 20,
      limit: 20,
    });
    const searchMs = performance.now() - started;
    started = performance.now();
    await listPublishedClaims(db, filters);
    const pageMs = performance.now() - started;
    if (i < 0) continue;
    search.push(searchMs);
    page.push(pageMs);
    matches += result.total;
  }
  search.sort((a, b) => a - b);
  page.sort((a, b) => a - b);
  const row = {
    class: termClass.name,
    queries,
    avgMatches: Math.round(matches / queries),
    searchP50ms: +percentile(search, 50).toFixed(1),
    searchP95ms: +percentile(search, 95).toFixed(1),
    pageP50ms: +percentile(page, 50).toFixed(1),
    pageP95ms: +percentile(page, 95).toFixed(1),
  };
  console.error(`  search ${row.class}: p95 ${row.searchP95ms} ms (list page ${row.pageP95ms} ms)`);
  return row;
}

/**
 * The most frequent word of the index that is in at most `share` of the claims (as searched, prefixes included):
 * the "near-universal" class, e.g. a word in 95% of claims.
 */
async function nearUniversalWord(db: Db, share: number): Promise<{ word: string; share: number }> {
  const total = await db.claim.count({ where: { publishedAt: { not: null } } });
  const candidates = await db.$queryRaw<{ term: string }[]>`
    SELECT term FROM temp."ClaimSearchVocab" WHERE doc <= ${Math.floor(total * share)} AND term GLOB '[a-z][a-z][a-z]*'
    ORDER BY doc DESC LIMIT 20`;
  let best = { word: "", share: 0 };
  for (const { term } of candidates) {
    const { total: matches } = await searchClaimPage(
      db,
      toFtsQuery(term) ?? "",
      {},
      { sort: "relevance", offset: 0, limit: 1 },
    );
    if (matches / total <= share && matches / total > best.share) best = { word: term, share: matches / total };
  }
  if (!best.word) throw new Error(`no word in at most ${share * 100}% of claims`);
  return best;
}

export type SearchRow = Awaited<ReturnType<typeof measure>>;

/** Rare, common and near-universal words (and a few shapes between them), in process. */
export async function benchSearch(db: Db, queries = QUERIES): Promise<SearchRow[]> {
  const rare = await rareWords(db, 20);
  if (rare.length === 0) throw new Error("no rare words in the index: is the search migration applied?");
  const at = (list: string[], i: number) => list[i % list.length]!;
  const classes: TermClass[] = [
    { name: `rare word (≤ 20 claims; ${rare.length} words)`, queries: (i) => ({ q: at(rare, i) }) },
    { name: "“soldiers” (common)", queries: () => ({ q: "soldiers" }) },
    { name: "“killed” (common)", queries: () => ({ q: "killed" }) },
    { name: "3-character prefix (sol, kil, bor, cro)", queries: (i) => ({ q: at(["sol", "kil", "bor", "cro"], i) }) },
    { name: "Pashto word “جعلي”", queries: () => ({ q: "جعلي" }) },
    { name: "two common words (“soldiers died”)", queries: () => ({ q: "soldiers died" }) },
    { name: "“killed” + status=DISPUTED", queries: () => ({ q: "killed", extra: { status: "DISPUTED" } }) },
    { name: "“killed”, sort=newest", queries: () => ({ q: "killed", extra: { sort: "newest" } }) },
  ];
  const near = await nearUniversalWord(db, 0.95);
  classes.push(
    {
      name: `near-universal “${near.word}” (in ${(near.share * 100).toFixed(0)}% of claims)`,
      queries: () => ({ q: near.word }),
    },
    { name: "“synthetic” (in every claim: worst case)", queries: () => ({ q: "synthetic" }) },
  );
  const rows = [];
  for (const termClass of classes) rows.push(await measure(db, termClass, queries));
  return rows;
}

async function main() {
  await prepareBenchDatabase(CLAIMS);
  const db = await createPrismaClient(BENCH_DATABASE_URL);
  const loadBefore = os.loadavg().map((n) => n.toFixed(2));
  console.log(
    `search bench: ${CLAIMS} synthetic claims, ${QUERIES} queries per class; load average ${loadBefore.join(" ")} on ${os.cpus().length} cores`,
  );
  const rows = await benchSearch(db);
  const loadAfter = os.loadavg().map((n) => n.toFixed(2));
  await db.$disconnect();
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    "bench-results/search.json",
    JSON.stringify(
      {
        at: new Date().toISOString(),
        claims: CLAIMS,
        queries: QUERIES,
        loadAverage: { before: loadBefore, after: loadAfter },
        rows,
      },
      null,
      2,
    ),
  );
  console.table(rows);
  console.log(`load average after: ${loadAfter.join(" ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

// `npx tsx scripts/two-instance-check.ts`: two real production servers (scripts/server.mjs on ports 3561 and 3562)
// on one SQLite file and one Redis, and the proof that their page caches are one (docs/decisions/0032-shared-cache-in-redis.md):
// 1. both serve a claim page, the second time from the page cache;
// 2. its status changes in the database and instance A is told (POST /api/revalidate, what db:import does);
//    instance B's next request shows the new status;
// 3. Redis stops: both still answer 200 and each logs one warning; Redis is back: a second change told to A is again
//    on B's next request.
// With --control the servers run without REDIS_URL and step 2 must show B's stale page: the check can fail.
// Starts its own redis-server on a free port of 6391–6395; SKIP_BUILD=1 reuses an existing build. Exit code 0 when
// every step holds. Everything it starts is stopped by PID at the end.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/create-client";
import { makeTestClaim } from "@/test-support/builders";
import { TestRedis } from "@/test-support/redis-server";

const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, "tmp/two-instance");
const databaseUrl = `file:${path.join(work, "check.db")}`;
const secret = "two-instance-check-".padEnd(48, "x");
const ports = { A: 3561, B: 3562 } as const;
const control = process.argv.includes("--control");

type Name = keyof typeof ports;
const servers: ChildProcess[] = [];
let failures = 0;

function step(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
  });
}

async function startServer(name: Name, redisUrl: string | undefined): Promise<void> {
  const log = fs.openSync(path.join(work, `${name}.log`), "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(ports[name]),
    LISTEN_HOST: "127.0.0.1",
    SITE_URL: `http://127.0.0.1:${ports[name]}`,
    REVALIDATE_SECRET: secret,
    REDIS_KEY_PREFIX: "two-instance-check",
  };
  if (redisUrl) env.REDIS_URL = redisUrl;
  else delete env.REDIS_URL;
  const child = spawn("node", ["scripts/server.mjs"], { cwd: root, env, stdio: ["ignore", log, log] });
  servers.push(child);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited; see ${path.join(work, `${name}.log`)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${ports[name]}/methodology`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`instance ${name} did not answer within 60 s`);
}

async function page(name: Name, pathname: string): Promise<{ status: number; body: string; cache: string }> {
  const response = await fetch(`http://127.0.0.1:${ports[name]}${pathname}`);
  return { status: response.status, body: await response.text(), cache: response.headers.get("x-nextjs-cache") ?? "-" };
}

async function tellA(): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${ports.A}/api/revalidate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}` },
  });
  return response.ok;
}

function warnings(name: Name): number {
  return fs
    .readFileSync(path.join(work, `${name}.log`), "utf8")
    .split("\n")
    .filter((l) => /Shared cache: Redis at .* is gone/.test(l)).length;
}

async function main(): Promise<void> {
  fs.mkdirSync(work, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(work, `check.db${suffix}`), { force: true });
  run("npx", ["prisma", "migrate", "deploy"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  if (process.env.SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next/BUILD_ID")))
    run("npx", ["next", "build"]);

  const redis = control ? undefined : await TestRedis.start();
  const db = await createPrismaClient(databaseUrl);
  try {
    console.log(control ? "Control run: two instances without REDIS_URL." : `Redis on port ${redis!.port}.`);
    await startServer("A", redis?.url);
    await startServer("B", redis?.url);

    const claim = await makeTestClaim(db, { statusRationale: "First rationale of the two-instance check." });
    const url = `/claims/${claim.slug}`;
    for (const name of ["A", "B", "B"] as const) await page(name, url);
    const warm = await page("B", url);
    step(
      warm.status === 200 && warm.body.includes("First rationale"),
      `B serves the claim page (x-nextjs-cache: ${warm.cache})`,
    );

    await db.claim.update({
      where: { id: claim.id },
      data: { status: "DISPUTED", statusRationale: "Second rationale, told to A only." },
    });
    step(await tellA(), "A refreshed its cache (POST /api/revalidate on A only)");
    const afterChange = await page("B", url);
    const fresh = afterChange.body.includes("Second rationale");
    step(
      control ? !fresh : fresh,
      control ? "without Redis, B still shows its stale page" : "B's next request shows the change made through A",
    );
    if (control) return;

    await redis!.stop();
    const during = await Promise.all([page("A", url), page("B", url), page("A", "/"), page("B", "/claims")]);
    step(
      during.every((p) => p.status === 200),
      `with Redis stopped every page answers 200 (${during.map((p) => p.status).join(", ")})`,
    );
    for (let i = 0; i < 5; i++) await Promise.all([page("A", url), page("B", url)]);
    step(
      warnings("A") === 1 && warnings("B") === 1,
      `one warning per instance for the outage (A ${warnings("A")}, B ${warnings("B")})`,
    );

    await redis!.resume();
    await new Promise((r) => setTimeout(r, 3000)); // reconnection is retried at most every 2 s
    await page("B", url);
    await db.claim.update({
      where: { id: claim.id },
      data: { status: "MISLEADING", statusRationale: "Third rationale, after the outage." },
    });
    step(await tellA(), "A refreshed its cache again");
    const afterOutage = await page("B", url);
    step(
      afterOutage.body.includes("Third rationale"),
      "after Redis is back, B's next request shows a change made through A",
    );
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await db.$disconnect();
    await redis?.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    failures++;
  })
  .finally(() => {
    console.log(failures === 0 ? "two-instance check: passed" : `two-instance check: ${failures} failed`);
    process.exitCode = failures === 0 ? 0 : 1;
  });

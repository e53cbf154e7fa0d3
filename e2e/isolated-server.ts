import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/db/create-client";

// A second server (scripts/server.mjs) of the same build over a database of its own, for the rare test that needs the whole
// database to itself (e.g. "the last active admin"), where the shared e2e database would let parallel tests
// interfere. Costs a migration and a server start, a few seconds.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startIsolatedServer(): Promise<{ baseURL: string; db: Db; stop: () => Promise<void> }> {
  const file = path.resolve(`tmp/e2e-isolated-${randomUUID()}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const url = `file:${file}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const port = await freePort();
  const child = spawn("node", ["scripts/server.mjs"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LISTEN_HOST: "127.0.0.1" },
    stdio: "ignore",
    detached: true, // its own process group, so stop() ends npx and the server it started
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The isolated server did not start within 30 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  const db = await createPrismaClient(url);
  return {
    baseURL,
    db,
    stop: async () => {
      await db.$disconnect();
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

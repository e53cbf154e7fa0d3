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
  const url = migratedDatabase(file);
  const server = await startServerOn(file);
  const db = await createPrismaClient(url);
  return {
    baseURL: server.baseURL,
    db,
    stop: async () => {
      await db.$disconnect();
      server.kill("SIGTERM");
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

/** A new SQLite file at `file` with every migration applied; its DATABASE_URL. */
function migratedDatabase(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const url = `file:${file}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  return url;
}

/**
 * The production server (scripts/server.mjs) of this build over the database `file`, on a free port, answering once it is up. `kill` signals the
 * whole process group (npx and the server it started): SIGTERM to stop, SIGKILL to crash it (e2e/durability.spec.ts).
 */
export async function startServerOn(
  file: string,
): Promise<{ baseURL: string; kill: (signal: NodeJS.Signals) => void }> {
  const port = await freePort();
  const child = spawn("node", ["scripts/server.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(port), LISTEN_HOST: "127.0.0.1" },
    stdio: "ignore",
    detached: true, // its own process group, so kill() ends npx and the server it started
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
  return { baseURL, kill: (signal) => child.pid && process.kill(-child.pid, signal) };
}

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import net from "node:net";

// A real redis-server for tests of the shared cache (lib/cache/), on loopback, on the first free port of PORTS, with
// nothing saved to disk. Tests stop and start it again to see the cache handlers fall back and recover.

const PORTS = [6391, 6392, 6393, 6394, 6395];
const BINARY = process.env.REDIS_SERVER_PATH || "redis-server";

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Throws a message that says what to install when redis-server is missing. */
export function requireRedisServer(): void {
  try {
    execFileSync(BINARY, ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error(
      `redis-server is needed for the shared-cache tests and was not found (${BINARY}): ` +
        "apt-get install -y redis-server, or set REDIS_SERVER_PATH.",
    );
  }
}

export class TestRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    requireRedisServer();
    for (const port of PORTS) {
      if (!(await portIsFree(port))) continue;
      const redis = new TestRedis(port);
      await redis.resume();
      return redis;
    }
    throw new Error(`No free port for redis-server among ${PORTS.join(", ")}.`);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server on its port (again), empty. */
  async resume(): Promise<void> {
    const child = spawn(
      BINARY,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  }

  /** Stops the server (SIGTERM) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}

// The first step of `npm start` (scripts/start.sh): DATABASE_URL must name an engine Claimwatch runs on, and a
// PostgreSQL server must answer, before anything migrates, seeds or builds. A problem ends start-up with one line
// naming DATABASE_URL (never a stack trace, never a quiet fall back to SQLite); the password is never printed.
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { isPostgresUrl } from "@/lib/postgres/connection";
import { poolSettings } from "@/lib/postgres/pool-settings";

export async function checkDatabase(source: Record<string, string | undefined>): Promise<string | null> {
  let url: string;
  try {
    url = parseEnv(source).DATABASE_URL;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (!isPostgresUrl(url)) return null;
  const where = (() => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  })();
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: poolSettings(source).connectTimeoutMs,
  });
  // A refused connection is also reported on the client's "error" event; without a listener it would crash.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `DATABASE_URL: cannot reach PostgreSQL at ${where} (${reason}). Start the server or correct DATABASE_URL.`;
  } finally {
    await client.end().catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problem = await checkDatabase(process.env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

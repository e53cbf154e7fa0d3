import pg from "pg";

// The PostgreSQL side of the unit tests' databases (TEST_DATABASE_URL=postgresql://…; docs/operations.md): the
// server in that URL gets one migrated template database per run, and each test file a fresh copy of it
// (CREATE DATABASE … TEMPLATE, as the SQLite side copies a template file). The database named in the URL is only
// used to connect for creating and dropping them.

export function postgresTestServer(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database name PostgreSQL takes as is: a prefix, then lowercase letters, digits and _ only. */
export function databaseName(prefix: string, id: string): string {
  return `${prefix}_${id.toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 63);
}

/** CREATE DATABASE … TEMPLATE fails while another session is creating from the same template: retry a little. */
export async function copyDatabase(url: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

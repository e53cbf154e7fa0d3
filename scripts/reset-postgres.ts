// Empties the PostgreSQL database of DATABASE_URL (every object of the public schema) for a throw-away run: the e2e
// server (scripts/e2e-server.sh) starts from it as it starts from a deleted SQLite file. Refuses any other URL.
import pg from "pg";
import { isPostgresUrl } from "@/lib/postgres/connection";

const url = process.env.DATABASE_URL ?? "";
if (!isPostgresUrl(url)) {
  console.error("DATABASE_URL: reset-postgres needs a postgresql:// URL");
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query('DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public"');
} finally {
  await client.end();
}

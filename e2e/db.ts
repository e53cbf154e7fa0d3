import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { E2E_DATABASE_URL, E2E_PORT } from "../playwright.config";

// Tests write their own data straight into the e2e database (migrated and seeded by scripts/e2e-server.sh) and
// read it back through the running app. Specs take it as the `db` fixture (e2e/fixtures.ts); helpers outside a
// test call e2eDb(). One client per worker process.

let client: Promise<Db> | undefined;
export function e2eDb(): Promise<Db> {
  client ??= createPrismaClient(E2E_DATABASE_URL);
  return client;
}

export const baseURL = `http://127.0.0.1:${E2E_PORT}`;

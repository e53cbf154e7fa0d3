import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/create-client";

// One client per process; kept on globalThis so dev-mode reloads do not open a new connection each time.
const holder = globalThis as unknown as { claimwatchDb?: Promise<Db> };

export function db(): Promise<Db> {
  holder.claimwatchDb ??= createPrismaClient(env().DATABASE_URL);
  return holder.claimwatchDb;
}

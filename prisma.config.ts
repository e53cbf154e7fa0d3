import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { postgresCliAdapter } from "./prisma/postgres-cli-adapter";

// DATABASE_URL picks the engine (docs/decisions/0031-postgresql-by-url.md): postgres(ql):// → the generated
// PostgreSQL schema and its own migrations; anything else → SQLite. lib/env.ts refuses other schemes for the app.
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

// engine "js" is the wasm schema engine: migrate deploy/diff work without downloading a binary.
// Prisma does not read .env when this file exists: DATABASE_URL comes from the environment.
export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  // The FTS5 search index (migration 20261125180000_claim_search), the shadow tables SQLite keeps for it and its
  // vocabulary (20261201120000_claim_search_terms).
  // Prisma cannot model a virtual table; listed here, migrate diff/dev leave them alone instead of dropping them.
  tables: {
    external: postgres
      ? []
      : [
          "ClaimSearch",
          "ClaimSearch_config",
          "ClaimSearch_content",
          "ClaimSearch_data",
          "ClaimSearch_docsize",
          "ClaimSearch_idx",
          "ClaimSearchTerms",
        ],
  },
  adapter: async () => (postgres ? postgresCliAdapter(url) : withScriptingShadowDb(new PrismaBetterSQLite3({ url }))),
});

/**
 * `migrate diff --from-migrations` and `migrate dev` replay every migration on an in-memory shadow database, but
 * the schema engine sends each migration file as one executeRaw call, which better-sqlite3 refuses for more than
 * one statement (P3006 "failed to apply cleanly to the shadow database", already for the init migration). On the
 * shadow database only, a parameterless executeRaw runs as a script instead.
 */
function withScriptingShadowDb(factory: PrismaBetterSQLite3) {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}

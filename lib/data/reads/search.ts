import { engineOf, type Db } from "@/lib/db/create-client";
import * as postgres from "@/lib/postgres/search";
import * as sqlite from "@/lib/sqlite/search";

// Full-text search on the client's engine (docs/decisions/0031-postgresql-by-url.md): FTS5 on SQLite
// (lib/sqlite/search.ts), tsvector + GIN on PostgreSQL (lib/postgres/search.ts). Both take the FTS5 expression of
// lib/sqlite/fts-query.ts or lib/domain/similar-terms.ts and answer the same shapes.

export type { SearchFilters, SearchMatch, SearchPage } from "@/lib/sqlite/search";

const on = (db: Db) => (engineOf(db) === "postgresql" ? postgres : sqlite);

export const searchClaimPage: typeof sqlite.searchClaimPage = (db, ...args) => on(db).searchClaimPage(db, ...args);
export const searchClaimIds: typeof sqlite.searchClaimIds = (db, ...args) => on(db).searchClaimIds(db, ...args);
export const searchMatches: typeof sqlite.searchMatches = (db, ...args) => on(db).searchMatches(db, ...args);
export const cappedMatchCounts: typeof sqlite.cappedMatchCounts = (db, ...args) =>
  on(db).cappedMatchCounts(db, ...args);
export const similarClaimIds: typeof sqlite.similarClaimIds = (db, ...args) => on(db).similarClaimIds(db, ...args);

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXTRAS_SQL,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SQLITE_SCHEMA,
  postgresSchemaFrom,
} from "@/scripts/postgres-schema";

// The PostgreSQL schema is generated from the SQLite one (docs/decisions/0031-postgresql-by-url.md). This is the
// drift check of its text, without a server; npm run db:check-postgres adds the migrations' check against one.

const sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8");
const models = (text: string) => [...text.matchAll(/^(model|enum) (\w+) \{/gm)].map((m) => `${m[1]} ${m[2]}`);

describe("prisma/postgres/schema.prisma", () => {
  it("is exactly what scripts/postgres-schema.ts generates from prisma/schema.prisma (npm run db:postgres-schema)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaFrom(sqlite));
  });

  it("holds every model and enum of the SQLite schema, on PostgreSQL, with its own client", () => {
    const generated = postgresSchemaFrom(sqlite);
    expect(models(generated)).toEqual(models(sqlite));
    expect(generated).toMatch(/provider = "postgresql"/);
    expect(generated).not.toMatch(/provider = "sqlite"/);
    expect(generated).toMatch(/output\s+= "\.\.\/\.\.\/generated\/prisma-postgres"/);
    expect(generated).toMatch(/engineType = "client"/);
  });

  it("adds the search document and its GIN index to Claim only", () => {
    const generated = postgresSchemaFrom(sqlite);
    const claim = generated.slice(
      generated.indexOf("model Claim {"),
      generated.indexOf("\n}", generated.indexOf("model Claim {")),
    );
    expect(claim).toMatch(/search\s+Unsupported\("tsvector"\)\?/);
    expect(claim).toMatch(/@@index\(\[search\], type: Gin\)/);
    expect(generated.match(/Unsupported\("tsvector"\)/g)).toHaveLength(1);
  });

  it("follows a change to the SQLite schema (a new field appears on the PostgreSQL side)", () => {
    const changed = sqlite.replace("model Actor {", "model Actor {\n  nickname String?");
    expect(postgresSchemaFrom(changed)).toMatch(/model Actor \{\n  nickname String\?/);
    expect(postgresSchemaFrom(changed)).not.toBe(postgresSchemaFrom(sqlite));
  });

  it("refuses a schema without the blocks it rewrites instead of writing a wrong one", () => {
    expect(() => postgresSchemaFrom("model Claim {\n  id Int @id\n}\n")).toThrow(/generator client/);
  });
});

describe("prisma/postgres/migrations", () => {
  const dirs = fs.readdirSync(POSTGRES_MIGRATIONS).filter((d) => /^\d{14}_/.test(d));
  const baseline = fs.readFileSync(path.join(POSTGRES_MIGRATIONS, dirs[0]!, "migration.sql"), "utf8");

  it("is a PostgreSQL migration folder whose baseline carries the hand-written parts Prisma cannot express", () => {
    expect(fs.readFileSync(path.join(POSTGRES_MIGRATIONS, "migration_lock.toml"), "utf8")).toMatch(
      /provider = "postgresql"/,
    );
    expect(baseline).toContain(EXTRAS_SQL.trim());
    for (const check of ["CasualtyFigure_range_check", "ClaimLink_no_self_link", "Incident_geoPrecision_check"])
      expect(baseline).toContain(check);
  });

  it("holds only SQL (no CLI banner or error text captured into a migration)", () => {
    for (const dir of dirs) {
      const sql = fs.readFileSync(path.join(POSTGRES_MIGRATIONS, dir, "migration.sql"), "utf8");
      expect(sql, dir).not.toMatch(/Loaded Prisma config|^undefined|Error:/m);
    }
  });
});

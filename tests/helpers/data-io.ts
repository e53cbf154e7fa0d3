import { importFile, type ImportOptions, type ImportReport } from "@/lib/data-io/import";
import { formatIssue } from "@/lib/data-io/issues";
import { engineOf, type Db } from "@/lib/db/create-client";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/validation/import";

/**
 * Rows in every table of the database, SQLite's search index included (new tables are counted without changing
 * this): "nothing written" means none of these move.
 */
export async function everyTableCount(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    engineOf(db) === "postgresql"
      ? "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

type Doc = { actors?: unknown[]; incidents?: unknown[]; sources?: unknown[]; claims?: unknown[] };

/** An export-format file, one record per line as db:export writes it (so line numbers are predictable). */
export function jsonFile(doc: Doc): Uint8Array {
  const list = (name: string, rows: unknown[] = []) =>
    rows.length ? `"${name}":[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]` : `"${name}":[]`;
  const text = `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},\n${list("actors", doc.actors)},\n${list("incidents", doc.incidents)},\n${list("sources", doc.sources)},\n${list("claims", doc.claims)}}\n`;
  return new TextEncoder().encode(text);
}

export const bytes = (text: string) => new TextEncoder().encode(text);

/** Runs the import on a test database with a generous limit. */
export function runImport(
  target: { db: Db; url: string },
  data: Uint8Array,
  options: Partial<ImportOptions> = {},
): Promise<ImportReport> {
  return importFile(target, data, { fileName: "test.json", maxBytes: 10 * 1024 * 1024, ...options });
}

/** The report's problems as the CLI prints them, for readable assertions. */
export function problems(report: ImportReport): string[] {
  return report.ok ? [] : report.issues.map(formatIssue);
}

/** A claim record with every required field; `over` replaces any of them. */
export function claimRecord(slug: string, claimant: string, over: Record<string, unknown> = {}) {
  return {
    slug,
    statement: `Imported claim ${slug}: a depot near the border was struck.`,
    category: "CASUALTIES",
    kind: "FACT",
    claimant,
    claimedAt: "2026-11-20",
    status: "UNVERIFIED",
    published: true,
    publishedAt: "2026-11-21T08:00:00.000Z",
    ...over,
  };
}

export const actorRecord = (slug: string, over: Record<string, unknown> = {}) => ({
  slug,
  name: `Actor ${slug}`,
  kind: "GOVERNMENT",
  country: "PK",
  ...over,
});

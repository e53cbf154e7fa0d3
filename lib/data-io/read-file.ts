import { parseCsv } from "@/lib/csv/parse";
import { decodeUtf8 } from "@/lib/data-io/decode";
import type { ImportIssue } from "@/lib/data-io/issues";
import { lineOf as recordLine, scanJson, type RecordLines } from "@/lib/data-io/json-scan";
import { CLAIM_FIELDS, CLAIM_FIELD_KEYS } from "@/lib/domain/claim-fields";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/validation/import";

// From a file's bytes to raw records, not yet validated: JSON (the export format) or CSV (claims only).

export type ImportFormat = "json" | "csv";

/** One record as the file gave it, with where it came from. */
export type RawRecord = {
  raw: unknown;
  /** JSON: ["claims", 12]; CSV: [] (issues name the column) */
  path: (string | number)[];
  /** CSV: the line the row starts on (JSON lines are looked up only when there are issues to report) */
  line?: number;
  /** CSV: record field → column, for the claimant columns */
  columns?: Record<string, string>;
};

export type RawDocument = {
  format: ImportFormat;
  actors: RawRecord[];
  incidents: RawRecord[];
  sources: RawRecord[];
  claims: RawRecord[];
  /** CSV: the claimant described in a row's claimant columns, created only when no actor has that slug */
  claimantActors: RawRecord[];
  /**
   * The line a record starts on: CSV records carry theirs; for JSON the text is scanned on the first call, which
   * happens only when there is a problem to report.
   */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
};

export type ReadResult = { ok: true; doc: RawDocument; issues: ImportIssue[] } | { ok: false; issues: ImportIssue[] };

export const CSV_COLUMNS = ["slug", ...CLAIM_FIELD_KEYS, "claimant", "status", "statusRationale", "published"] as const;
/** Columns older files lack: claimedAtPrecision came later, and its absence means the exact day (DAY). */
const CSV_OPTIONAL_COLUMNS: readonly string[] = ["claimedAtPrecision"];
/** Optional: the slugs of the actors the claim is about, separated by spaces; a row's empty cell leaves them as stored. */
const CSV_ABOUT_COLUMN = "about";
/** For a claimant that is not in the database yet: name and kind create it (country and side are optional). */
export const CSV_CLAIMANT_COLUMNS = ["claimantName", "claimantKind", "claimantCountry", "claimantSide"] as const;

const JSON_LISTS = ["actors", "incidents", "sources", "claims"] as const;

/** .json or .csv by name; otherwise by the first character that is not white space. */
export function detectFormat(name: string, text: string): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  return /^\s*[{[]/.test(text.slice(0, 1000)) ? "json" : "csv";
}

export function readImportFile(bytes: Uint8Array, name: string, maxBytes: number): ReadResult {
  const decoded = decodeUtf8(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, issues: [{ path: "", message: decoded.message }] };
  const text = decoded.text;
  if (!text.trim()) return { ok: false, issues: [{ path: "", message: "The file is empty." }] };
  return detectFormat(name, text) === "json" ? readJson(text) : readCsv(text);
}

function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { error: found } = scanJson(text);
    const message = found
      ? `Malformed JSON at column ${found.column}: ${found.message}`
      : `Malformed JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, issues: [{ line: found?.line, path: "", message }] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      issues: [
        {
          path: "",
          message: `The file must be one JSON object: { "format": "${EXPORT_FORMAT}", "version": ${EXPORT_VERSION}, "actors": [...], "incidents": [...], "sources": [...], "claims": [...] }.`,
        },
      ],
    };
  }
  const top = data as Record<string, unknown>;
  const issues: ImportIssue[] = [];
  if (top.format !== EXPORT_FORMAT)
    issues.push({ path: "format", message: `must be "${EXPORT_FORMAT}" (this is not a Claimwatch export file).` });
  if (top.version !== EXPORT_VERSION) {
    issues.push({
      path: "version",
      message:
        typeof top.version === "number" && top.version > EXPORT_VERSION
          ? `this file is format version ${top.version}; this Claimwatch reads version ${EXPORT_VERSION}. Update Claimwatch, or export the data again from the same version.`
          : `must be ${EXPORT_VERSION}.`,
    });
  }
  const unknown = Object.keys(top).filter(
    (k) => k !== "format" && k !== "version" && !(JSON_LISTS as readonly string[]).includes(k),
  );
  if (unknown.length)
    issues.push({
      path: "",
      message: `Unknown top-level keys: ${unknown.join(", ")}. A file has format, version, ${JSON_LISTS.join(", ")}.`,
    });
  const lists: Record<(typeof JSON_LISTS)[number], RawRecord[]> = {
    actors: [],
    incidents: [],
    sources: [],
    claims: [],
  };
  for (const key of JSON_LISTS) {
    const value = top[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      issues.push({ path: key, message: "must be a list ([...])." });
      continue;
    }
    lists[key] = value.map((raw, i) => ({ raw, path: [key, i] }));
  }
  if (issues.length) return { ok: false, issues };
  let lines: RecordLines | undefined;
  const lineOf = (path: readonly (string | number)[]) => recordLine((lines ??= scanJson(text).lines), path);
  return { ok: true, doc: { format: "json", ...lists, claimantActors: [], lineOf }, issues: [] };
}

function readCsv(text: string): ReadResult {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, issues: [{ line: parsed.line, path: "", message: `Malformed CSV: ${parsed.message}` }] };
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, issues: [{ path: "", message: "The file is empty." }] };
  const names = header.cells.map((c) => c.trim());
  const known: readonly string[] = [...CSV_COLUMNS, CSV_ABOUT_COLUMN, ...CSV_CLAIMANT_COLUMNS];
  const issues: ImportIssue[] = [];
  const missing = CSV_COLUMNS.filter((c) => !names.includes(c) && !CSV_OPTIONAL_COLUMNS.includes(c));
  const needed = CSV_COLUMNS.filter((c) => !CSV_OPTIONAL_COLUMNS.includes(c));
  if (missing.length)
    issues.push({
      line: header.line,
      path: "",
      message: `Missing columns: ${missing.join(", ")}. The header needs ${needed.join(", ")}.`,
    });
  const extra = names.filter((c) => !known.includes(c));
  if (extra.length) {
    issues.push({
      line: header.line,
      path: "",
      message: `Unknown columns: ${extra.map((c) => (c ? c : "(empty)")).join(", ")}. Only ${known.join(", ")} are read; remove the others so nothing is silently dropped. Sources, figures, links and status history are imported from JSON only.`,
    });
  }
  const twice = names.filter((c, i) => c && names.indexOf(c) !== i);
  if (twice.length)
    issues.push({ line: header.line, path: "", message: `Columns named twice: ${[...new Set(twice)].join(", ")}.` });
  if (issues.length) return { ok: false, issues };

  const claims: RawRecord[] = [];
  const claimantActors: RawRecord[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      issues.push({
        line: row.line,
        path: "",
        message: `This row has ${row.cells.length} fields; the header has ${names.length}. Is a quote or comma missing?`,
      });
      continue;
    }
    const cell = (name: string) => row.cells[names.indexOf(name)] ?? "";
    const published = cell("published").trim().toLowerCase();
    claims.push({
      line: row.line,
      path: [],
      raw: {
        slug: cell("slug"),
        // A choice is read without the blanks a spreadsheet may add around it.
        ...Object.fromEntries(
          CLAIM_FIELD_KEYS.map((f) => [f, CLAIM_FIELDS[f] === "choice" ? cell(f).trim() : cell(f)]),
        ),
        claimant: cell("claimant"),
        ...(cell(CSV_ABOUT_COLUMN).trim() ? { about: cell(CSV_ABOUT_COLUMN).trim().split(/\s+/) } : {}),
        status: cell("status").trim() || undefined,
        statusRationale: cell("statusRationale"),
        published: published === "" || published === "false" ? false : published === "true" ? true : cell("published"),
      },
    });
    if (names.includes("claimantName") || names.includes("claimantKind")) {
      const name = cell("claimantName");
      const kind = cell("claimantKind").trim();
      if (name.trim() || kind) {
        claimantActors.push({
          line: row.line,
          path: [],
          raw: { slug: cell("claimant"), name, kind, country: cell("claimantCountry"), side: cell("claimantSide") },
          columns: {
            slug: "claimant",
            name: "claimantName",
            kind: "claimantKind",
            country: "claimantCountry",
            side: "claimantSide",
          },
        });
      }
    }
  }
  return {
    ok: true,
    doc: { format: "csv", actors: [], incidents: [], sources: [], claims, claimantActors, lineOf: () => undefined },
    issues,
  };
}

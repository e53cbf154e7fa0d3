// The audit log's changes as people read them (app/admin/audit/audit-table.tsx). Writes store each event's changes as
// JSON (lib/data/writes/record-audit.ts): a field that changed is a pair [before, after] (diffFields), any other
// value is what was set, removed or noted. Client-safe, no I/O.

export type AuditEntry =
  { field: string; kind: "changed"; before: string; after: string } | { field: string; kind: "value"; value: string };

/** What was stored, as entries; null when it is not a JSON object (shown as stored, never failing the page). */
export function auditEntries(stored: string): AuditEntry[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  return Object.entries(parsed).map(([key, value]): AuditEntry => {
    const field = fieldLabel(key);
    if (Array.isArray(value) && value.length === 2)
      return { field, kind: "changed", before: auditValue(value[0]), after: auditValue(value[1]) };
    return { field, kind: "value", value: auditValue(value) };
  });
}

/** "statusRationale" → "status rationale", "claimVersion" → "claim version". */
export function fieldLabel(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/;

/** One stored value in words: empty for null, the day alone for a midnight date, the rest as short JSON. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const instant = ISO_INSTANT.exec(value);
    if (instant) return instant[2] === "00:00" ? instant[1]! : `${instant[1]} ${instant[2]} UTC`;
    return value;
  }
  return JSON.stringify(value);
}

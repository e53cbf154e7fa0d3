import { auditEntries } from "@/lib/domain/audit-diff";

/** One event's changes: "field: before → after" for what changed, "field: value" for what was set or removed. */
export function AuditChanges({ stored }: { stored: string }) {
  const entries = auditEntries(stored);
  if (entries === null) return <pre className="changes">{stored}</pre>;
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="changes">
      {entries.map((e) => (
        <div key={e.field}>
          <dt>{e.field}</dt>
          <dd>
            {e.kind === "changed" ? (
              <>
                <del>{e.before}</del> <span aria-hidden="true">→</span>
                <span className="visually-hidden">changed to</span> <ins>{e.after}</ins>
              </>
            ) : (
              e.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

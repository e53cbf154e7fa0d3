import type { AuditRow } from "@/lib/data/reads/audit-log";
import { formatDateTime } from "@/lib/domain/format";
import { AuditChanges } from "./audit-changes";

export function AuditTable({ events }: { events: AuditRow[] }) {
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Record</th>
            <th scope="col">Action</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td>
                <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
              </td>
              <td>
                {e.user ? (
                  <span title={e.user.email}>{e.user.email}</span>
                ) : (
                  <span className="muted">nobody signed in / script</span>
                )}
              </td>
              <td>
                {e.entity} <span className="muted">#{e.entityId}</span>
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                <AuditChanges stored={e.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import type { AuditFilters } from "@/lib/validation/audit-filters";

/** A plain GET form: the filters live in the address, so a view of the log can be shared and bookmarked. */
export function AuditFiltersForm({
  filters,
  entities,
  actions,
}: {
  filters: AuditFilters;
  entities: string[];
  actions: string[];
}) {
  return (
    <form className="filters" method="get" action="/admin/audit" role="search" aria-label="Filter the audit log">
      <div>
        <label htmlFor="a-entity">Record</label>
        <select id="a-entity" name="entity" defaultValue={filters.entity ?? ""}>
          <option value="">Any record</option>
          {withCurrent(entities, filters.entity).map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="a-action">Action</label>
        <select id="a-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {withCurrent(actions, filters.action).map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="a-user">Done by (email)</label>
        <input id="a-user" name="user" type="email" defaultValue={filters.user ?? ""} />
      </div>
      <div>
        <label htmlFor="a-from">From</label>
        <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div>
        <label htmlFor="a-to">Until</label>
        <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <Link href="/admin/audit">Clear</Link>
      </div>
    </form>
  );
}

/** Keeps a filter that matches nothing yet selectable, so the form shows what the address asks for. */
function withCurrent(options: string[], current: string | undefined): string[] {
  return current && !options.includes(current) ? [...options, current].sort() : options;
}

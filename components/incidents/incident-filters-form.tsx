import Link from "next/link";
import { CATEGORY_LABEL, CATEGORIES } from "@/lib/domain/vocabulary";
import type { IncidentFilters } from "@/lib/validation/incident-filters";

const FOLDED = ["from", "to", "category", "side"] as const;

/**
 * The /incidents filters as a plain GET form: they live in the address, so a result is shareable and works without
 * JavaScript. On narrow screens they fold behind "Filter" like the /claims filters (app/globals.css, .filter-fold).
 */
export function IncidentFiltersForm({ filters, sides }: { filters: IncidentFilters; sides: string[] }) {
  const active = FOLDED.filter((key) => filters[key] !== undefined).length;
  const sideOptions = filters.side && !sides.includes(filters.side) ? [filters.side, ...sides] : sides;
  return (
    <form className="filters" method="get" action="/incidents" aria-label="Filter incidents">
      <details className="wide filter-fold">
        <summary>Filter{active > 0 ? <span className="muted"> ({active} active)</span> : null}</summary>
        <div className="filter-fold-body">
          <div>
            <label htmlFor="incidents-from">Happened from</label>
            <input id="incidents-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div>
            <label htmlFor="incidents-to">Happened until</label>
            <input id="incidents-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <div>
            <label htmlFor="incidents-category">Category of its claims</label>
            <select id="incidents-category" name="category" defaultValue={filters.category ?? ""}>
              <option value="">Any category</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABEL[c]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="incidents-side">Side of a claimant</label>
            <select id="incidents-side" name="side" defaultValue={filters.side ?? ""}>
              <option value="">Any side</option>
              {sideOptions.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        </div>
      </details>
      <div className="actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <Link href="/incidents">Clear</Link>
      </div>
    </form>
  );
}

import Link from "next/link";
import { ClaimFilterFields } from "@/components/claims/claim-filter-fields";
import { Q_MAX, SORT_LABEL, defaultSort, type ClaimFilters } from "@/lib/validation/claim-filters";

type ActorOption = { slug: string; name: string };

const FOLDED_FILTERS = ["status", "kind", "category", "actor", "about", "from", "to"] as const;

/**
 * A plain GET form: the filters live in the address, so a result is shareable and works without JavaScript.
 * Its ids start with `idPrefix`, one per list: Next keeps the last lists a reader visited in the page, hidden
 * (Activity, "Preserving UI state" in Next's docs), and a label must not point at a hidden twin.
 */
export function ClaimFiltersForm({
  filters,
  actors,
  aboutActors,
  idPrefix,
}: {
  filters: ClaimFilters;
  actors: ActorOption[];
  /** the actors readers can pick under "About" (docs/decisions/0029-claims-about-actors.md) */
  aboutActors: ActorOption[];
  idPrefix: string;
}) {
  const active = FOLDED_FILTERS.filter((key) => filters[key] !== undefined).length;
  return (
    <form className="filters" method="get" action="/claims" role="search" aria-label="Filter claims">
      <div className="wide">
        <label htmlFor={`${idPrefix}-q`}>Search claims</label>
        <input
          id={`${idPrefix}-q`}
          name="q"
          type="search"
          dir="auto"
          defaultValue={filters.q ?? ""}
          maxLength={Q_MAX * 2}
          placeholder="Words in the claim, its original text, the verdict or the claimant's name"
          aria-describedby={`${idPrefix}-q-hint`}
        />
        <p id={`${idPrefix}-q-hint`} className="field-hint">
          Every word must appear; the start of a word is enough (“kill” finds “killed”). Use &quot;quotes&quot; for an
          exact phrase, -word to leave a word out, OR for either word.
        </p>
      </div>
      {/* On narrow screens the filters fold behind "Filter", so the first result is on the first screen; a plain
          <details> keeps the form working without JavaScript. Wide screens always show them (app/globals.css). */}
      <details className="wide filter-fold">
        <summary>Filter{active > 0 ? <span className="muted"> ({active} active)</span> : null}</summary>
        <div className="filter-fold-body">
          <ClaimFilterFields idPrefix={idPrefix} filters={filters} actors={actors} aboutActors={aboutActors} />
          <div>
            <label htmlFor={`${idPrefix}-sort`}>Order</label>
            {/* The empty choice lets the address decide: best match first when searching, newest first otherwise. */}
            <select
              id={`${idPrefix}-sort`}
              name="sort"
              defaultValue={filters.sort === defaultSort(filters) ? "" : filters.sort}
            >
              <option value="">Best match when searching, else newest</option>
              {(["newest", "oldest", "updated"] as const).map((s) => (
                <option key={s} value={s}>
                  {SORT_LABEL[s]}
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
        <Link href="/claims">Clear</Link>
      </div>
    </form>
  );
}

import Link from "next/link";
import { Q_MAX, SORT_LABEL, SORTS } from "@/lib/validation/claim-filters";
import {
  ASSIGNED,
  ASSIGNED_LABEL,
  VISIBILITIES,
  VISIBILITY_LABEL,
  type EditorFilters,
} from "@/lib/validation/editor-filters";
import { ClaimFilterFields } from "@/components/claims/claim-filter-fields";

/** The reader list's filters plus published/draft and the assignee, as a GET form: the address is the state, shareable among editors. */
export function EditorFiltersForm({
  filters,
  actors,
}: {
  filters: EditorFilters;
  actors: { slug: string; name: string }[];
}) {
  return (
    <form className="filters" method="get" action="/editor/claims" role="search" aria-label="Filter claims">
      <div className="wide">
        <label htmlFor="ef-q">Search claims</label>
        <input
          id="ef-q"
          name="q"
          type="search"
          dir="auto"
          defaultValue={filters.q ?? ""}
          maxLength={Q_MAX * 2}
          placeholder="Words in the claim, its original text or the verdict"
        />
      </div>
      <div>
        <label htmlFor="ef-visibility">Published or draft</label>
        <select id="ef-visibility" name="visibility" defaultValue={filters.visibility ?? ""}>
          <option value="">Both</option>
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_LABEL[v]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ef-assigned">Assigned</label>
        <select id="ef-assigned" name="assigned" defaultValue={filters.assigned ?? ""}>
          <option value="">To anyone or nobody</option>
          {ASSIGNED.map((a) => (
            <option key={a} value={a}>
              {ASSIGNED_LABEL[a]}
            </option>
          ))}
        </select>
      </div>
      <ClaimFilterFields idPrefix="ef" filters={filters} actors={actors} />
      <div>
        <label htmlFor="ef-sort">Order</label>
        <select id="ef-sort" name="sort" defaultValue={filters.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button className="button" type="submit">
          Apply filters
        </button>
        <Link href="/editor/claims">Clear</Link>
      </div>
    </form>
  );
}

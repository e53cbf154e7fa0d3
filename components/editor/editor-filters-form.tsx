import Link from "next/link";
import { Q_MAX, SORT_LABEL, SORTS } from "@/lib/validation/claim-filters";
import { VISIBILITIES, VISIBILITY_LABEL, type EditorFilters } from "@/lib/validation/editor-filters";
import { CATEGORY_LABEL, CATEGORIES, STATUS_INFO, STATUSES } from "@/lib/vocabulary";

/** The reader list's filters plus published/draft, as a GET form: the address is the state, shareable among editors. */
export function EditorFiltersForm({ filters, actors }: { filters: EditorFilters; actors: { slug: string; name: string }[] }) {
  return (
    <form className="filters" method="get" action="/editor" role="search" aria-label="Filter claims">
      <div className="wide">
        <label htmlFor="ef-q">Search claims</label>
        <input id="ef-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={Q_MAX * 2} placeholder="Words in the claim, its original text or the verdict" />
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
        <label htmlFor="ef-status">Status</label>
        <select id="ef-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_INFO[s].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ef-category">Category</label>
        <select id="ef-category" name="category" defaultValue={filters.category ?? ""}>
          <option value="">Any category</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ef-actor">Claimant</label>
        <select id="ef-actor" name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ef-from">Claimed from</label>
        <input id="ef-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div>
        <label htmlFor="ef-to">Claimed until</label>
        <input id="ef-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
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
        <Link href="/editor">Clear</Link>
      </div>
    </form>
  );
}

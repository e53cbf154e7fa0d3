import Link from "next/link";
import { CATEGORY_LABEL, CATEGORIES, STATUS_INFO, STATUSES } from "@/lib/vocabulary";
import { Q_MAX, SORT_LABEL, defaultSort, type ClaimFilters } from "@/lib/validation/claim-filters";

type ActorOption = { slug: string; name: string };

/** A plain GET form: the filters live in the address, so a result is shareable and works without JavaScript. */
export function ClaimFiltersForm({ filters, actors }: { filters: ClaimFilters; actors: ActorOption[] }) {
  return (
    <form className="filters" method="get" action="/claims" role="search" aria-label="Filter claims">
      <div className="wide">
        <label htmlFor="f-q">Search claims</label>
        <input
          id="f-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={Q_MAX * 2}
          placeholder="Words in the claim, its original text, the verdict or the claimant's name"
          aria-describedby="f-q-hint"
        />
        <p id="f-q-hint" className="field-hint">
          Every word must appear; the start of a word is enough (“kill” finds “killed”). Use &quot;quotes&quot; for an exact phrase,
          -word to leave a word out, OR for either word.
        </p>
      </div>
      <div>
        <label htmlFor="f-status">Status</label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_INFO[s].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-category">Category</label>
        <select id="f-category" name="category" defaultValue={filters.category ?? ""}>
          <option value="">Any category</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-actor">Claimant</label>
        <select id="f-actor" name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-from">Claimed from</label>
        <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div>
        <label htmlFor="f-to">Claimed until</label>
        <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div>
        <label htmlFor="f-sort">Order</label>
        {/* The empty choice lets the address decide: best match first when searching, newest first otherwise. */}
        <select id="f-sort" name="sort" defaultValue={filters.sort === defaultSort(filters) ? "" : filters.sort}>
          <option value="">Best match when searching, else newest</option>
          {(["newest", "oldest", "updated"] as const).map((s) => (
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
        <Link href="/claims">Clear</Link>
      </div>
    </form>
  );
}

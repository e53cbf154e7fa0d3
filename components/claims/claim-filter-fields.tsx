import type { ClaimFilters } from "@/lib/validation/claim-filters";
import { CATEGORY_LABEL, CATEGORIES, KINDS, STATUS_INFO, STATUSES } from "@/lib/domain/vocabulary";

/**
 * The filter controls the reader list and the editor list share: status, kind (factual claim or position), category,
 * claimant, the actor a claim is about (when `aboutActors` is given) and the date range.
 * `idPrefix` keeps each form's ids (and so its labels and tests) as they were.
 */
export function ClaimFilterFields({
  idPrefix,
  filters,
  actors,
  aboutActors,
}: {
  idPrefix: string;
  filters: Pick<ClaimFilters, "status" | "kind" | "category" | "actor" | "about" | "from" | "to">;
  actors: { slug: string; name: string }[];
  aboutActors?: { slug: string; name: string }[];
}) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-status`}>Status</label>
        <select id={`${idPrefix}-status`} name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_INFO[s].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-kind`}>Kind</label>
        <select id={`${idPrefix}-kind`} name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Claims and positions</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === "FACT" ? "Factual claims" : "Positions"}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-category`}>Category</label>
        <select id={`${idPrefix}-category`} name="category" defaultValue={filters.category ?? ""}>
          <option value="">Any category</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-actor`}>Claimant</label>
        <select id={`${idPrefix}-actor`} name="actor" defaultValue={filters.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {aboutActors ? (
        <div>
          <label htmlFor={`${idPrefix}-about`}>About</label>
          <select id={`${idPrefix}-about`} name="about" defaultValue={filters.about ?? ""}>
            <option value="">Anyone or anything</option>
            {aboutActors.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${idPrefix}-from`}>Claimed from</label>
        <input id={`${idPrefix}-from`} name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`}>Claimed until</label>
        <input id={`${idPrefix}-to`} name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
    </>
  );
}

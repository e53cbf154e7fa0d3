import Link from "next/link";
import { ClaimFiltersForm } from "@/components/claims/claim-filters-form";
import { ClaimListItem } from "@/components/claims/claim-list-item";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { readActor, readActors, readClaimList } from "@/lib/data/entry-points/reader";
import { countOf, formatCount } from "@/lib/domain/format";
import { filtersToSearch, parseClaimFilters, type ClaimFilters } from "@/lib/validation/claim-filters";

// With search words (q) the list comes from the full-text index, best match first, with the matched words marked.

/**
 * The claims list for the parameters of a query string: /claims renders it per request for a search (q) or a value it
 * ignores, and /claims/view/[filters] from the page cache for the rest (lib/http/claims-view.ts).
 */
export async function ClaimListPage({ params }: { params: Record<string, string | string[] | undefined> }) {
  const { filters, issues } = parseClaimFilters(params);
  // The actor is looked up by its own cache key, so a claimant added since the list was cached still filters.
  const [actors, actor, subject] = await Promise.all([
    readActors(),
    filters.actor ? readActor(filters.actor) : null,
    filters.about ? readActor(filters.about) : null,
  ]);
  if (filters.actor && !actor) {
    issues.push({ param: "actor", message: `There is no actor “${filters.actor}”; that filter was ignored.` });
    delete filters.actor;
  }
  if (filters.about && !subject) {
    issues.push({ param: "about", message: `There is no actor “${filters.about}”; that filter was ignored.` });
    delete filters.about;
  }
  const actorOptions = actors.filter((a) => a.claimCount > 0 || a.slug === actor?.slug);
  if (actor && !actorOptions.some((a) => a.slug === actor.slug))
    actorOptions.unshift({ ...actor, claimCount: 0, aboutCount: 0 });
  // The "About" choices: actors some published claim is about (docs/decisions/0029-claims-about-actors.md).
  const aboutOptions = actors.filter((a) => a.aboutCount > 0 || a.slug === subject?.slug);
  if (subject && !aboutOptions.some((a) => a.slug === subject.slug))
    aboutOptions.unshift({ ...subject, claimCount: 0, aboutCount: 0 });
  const result = await readClaimList(filters);
  const pastEnd = result.total > 0 && result.page > result.pageCount;

  return (
    <>
      <h1>Claims</h1>
      <p className="lede">
        The claims we track and the positions the parties take, with who made each and where our check stands (positions
        are stances, not rated).
      </p>
      <ClaimFiltersForm
        filters={filters}
        actors={actorOptions}
        aboutActors={aboutOptions}
        idPrefix={formIdPrefix(filters)}
      />
      <IgnoredParams issues={issues} />
      <p aria-live="polite" data-testid="result-count">
        {resultCount(result, filters.q)}
      </p>
      {result.total === 0 ? (
        <div className="empty">
          <p>Nothing matches. Try fewer filters or other words.</p>
          <Link href="/claims">Show all claims</Link>
        </div>
      ) : pastEnd ? (
        <div className="empty">
          <Link href={`/claims${filtersToSearch({ ...filters, page: result.pageCount })}`}>Go to the last page</Link>
        </div>
      ) : (
        <>
          {/* Each claim's title is an <h3> (components/claims/claim-list-item.tsx): without an <h2> the heading order skips a level. */}
          <h2 className="visually-hidden">Results</h2>
          <ol className="claim-list" aria-label="Claims">
            {result.claims.map((claim) => (
              <ClaimListItem key={claim.slug} claim={claim} match={claim.match} />
            ))}
          </ol>
        </>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/claims${filtersToSearch({ ...filters, page })}`}
      />
    </>
  );
}

function resultCount(result: Awaited<ReturnType<typeof readClaimList>>, q: string | undefined): string {
  const { total, listed, page, pageSize, pageCount } = result;
  if (result.unsearchable) return `“${q ?? ""}” has no letters or digits to search for, so no claims match.`;
  if (total === 0) return "No claims match these filters.";
  // A count over the search window is a lower bound (lib/sqlite/search.ts, RANK_WINDOW): say so.
  const matched = result.totalIsEstimate
    ? `More than ${formatCount(total)} claims match`
    : countOf(total, "claim matches", "claims match");
  if (page > pageCount) return `${matched}, but page ${formatCount(page)} is past the last page.`;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(listed, page * pageSize);
  const shown = `showing ${formatCount(first)}–${formatCount(last)}`;
  // Only the newest matches are listed (ranked by relevance among themselves); sorting by date or narrowing the
  // search reaches the others.
  return listed < total || result.totalIsEstimate
    ? `${matched}; ${shown} of the ${formatCount(listed)} most recent. Narrow the search to see others.`
    : `${matched}; ${shown}.`;
}

/** Ids unique to this list's filters (see ClaimFiltersForm): "f-" and a short FNV-1a hash of its address. */
function formIdPrefix(filters: ClaimFilters): string {
  let hash = 0x811c9dc5;
  for (const char of filtersToSearch(filters)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `f-${hash.toString(36)}`;
}

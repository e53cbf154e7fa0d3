import type { Metadata } from "next";
import Link from "next/link";
import { EditorClaimTable } from "@/components/editor/editor-claim-table";
import { EditorFiltersForm } from "@/components/editor/editor-filters-form";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { readEditorList } from "@/lib/data/entry-points/editor";
import { countOf, formatCount } from "@/lib/domain/format";
import { editorFiltersToSearch, parseEditorFilters } from "@/lib/validation/editor-filters";

// Rendered per request, never cached: editors see drafts and every change at once.
export const instant = false;
export const metadata: Metadata = { title: "Editor: claims" };

export default async function EditorClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filters, issues } = parseEditorFilters(await searchParams);
  const result = await readEditorList(filters);
  if (filters.actor && !result.actors.some((a) => a.slug === filters.actor)) {
    issues.push({ param: "actor", message: `No claim was made by “${filters.actor}”; that filter was ignored.` });
  }
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);

  return (
    <>
      <div className="page-head">
        <h1>Claims</h1>
        <Link className="button" href="/editor/claims/new">
          New claim
        </Link>
      </div>
      <p className="lede">Every claim, drafts included. Drafts are invisible to readers until you publish them.</p>
      <EditorFiltersForm filters={filters} actors={result.actors} />
      <IgnoredParams issues={issues} />
      <p aria-live="polite" data-testid="result-count">
        {result.total === 0
          ? "No claims match these filters."
          : result.page > result.pageCount
            ? `${countOf(result.total, "claim matches", "claims match")}, but page ${formatCount(result.page)} is past the last page.`
            : `${countOf(result.total, "claim matches", "claims match")}; showing ${formatCount(first)}–${formatCount(last)}.`}
      </p>
      {result.claims.length === 0 ? (
        <div className="empty">
          <p>Nothing to show here.</p>
          <Link href="/editor/claims">Show all claims</Link>
        </div>
      ) : (
        <EditorClaimTable claims={result.claims} />
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/editor/claims${editorFiltersToSearch({ ...filters, page })}`}
      />
    </>
  );
}

import Link from "next/link";
import { formatCount } from "@/lib/domain/format";

/** Previous/next links that keep every other parameter; `hrefFor(n)` builds the link to page n. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {formatCount(Math.min(page, pageCount))} of {formatCount(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

// The page number of /corrections lives in the path (/corrections/page/2), not in ?page=, so that every page of the
// list is kept in the page cache like the other reader pages (docs/decisions/0011-page-cache.md). proxy.ts sends old
// ?page= links here; app/(public)/corrections/page/[page]/page.tsx reads the path.

/** Page numbers the list accepts: 1 to 999,999, digits only, no leading zero. */
const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

/** The URL of page n of the corrections list; page 1 is /corrections itself. */
export function correctionsHref(page: number): string {
  return page <= 1 ? "/corrections" : `/corrections/page/${page}`;
}

export type CorrectionsPage = { page: number; issue: { param: string; message: string } | null };

/** A page value from the URL: its number, or page 1 with the notice readers see for a value that is not a page. */
export function parseCorrectionsPage(value: string | undefined): CorrectionsPage {
  if (value === undefined || PAGE_NUMBER.test(value)) return { page: value ? Number(value) : 1, issue: null };
  return { page: 1, issue: { param: "page", message: `Page “${value.slice(0, 40)}” does not exist; showing page 1.` } };
}

/**
 * Where an old /corrections?page=… link goes: a valid number is redirected (permanently) to its own URL; any other
 * value is shown where it is (an empty one is just dropped), through the path form, which renders page 1 with the notice (as ?page= did). The value
 * is cut to 40 characters, as the notice shows no more, so a long value does not make a page-cache entry of its own.
 */
export function correctionsQueryTarget(value: string): { redirect: string } | { rewrite: string } {
  const { page, issue } = parseCorrectionsPage(value);
  if (!issue || value === "") return { redirect: correctionsHref(page) };
  return { rewrite: `/corrections/page/${encodeURIComponent(value.slice(0, 40))}` };
}

import { SiteHeader } from "@/components/layout/site-header";
import type { Section } from "@/components/layout/nav-links";

/**
 * The header and <main> of a reader page. Each section's layout (app/(public)/claims/layout.tsx …) renders it with
 * its own section, so the nav marks the current link in the server HTML, with no client JS and without reading the
 * request, which keeps the pages in the page cache (docs/decisions/0011-page-cache.md).
 */
export function ReaderFrame({ current, children }: { current?: Section; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader current={current} />
      <main id="main">{children}</main>
    </>
  );
}

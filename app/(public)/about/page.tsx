import type { Metadata } from "next";
import { readAbout } from "@/lib/data/entry-points/reader";
import { formatDateTime } from "@/lib/domain/format";
import { renderMarkdown } from "@/lib/domain/markdown";

// Who publishes Claimwatch, its funding, ownership and contact: the admin's text of /admin/about, rendered without raw
// HTML or unsafe links (lib/domain/markdown.ts), so setting it as HTML below is safe. Cached like every reader page
// (docs/decisions/0011-page-cache.md): saving the text expires it.
export const metadata: Metadata = { title: "About Claimwatch", alternates: { canonical: "/about" } };

export default async function AboutPage() {
  const about = await readAbout();
  return (
    <article>
      <h1>About Claimwatch</h1>
      <div
        className="prose"
        data-testid="about-text"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(about.markdown) }}
      />
      {about.updatedAt ? <p className="muted small">Last updated {formatDateTime(about.updatedAt)}.</p> : null}
    </article>
  );
}

import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="inner">
        <p>
          Claimwatch checks every side&apos;s claims by one published standard. Read the{" "}
          <Link href="/methodology">methodology</Link> and the <Link href="/corrections">corrections</Link>.{" "}
          <Link href="/about">Who publishes Claimwatch</Link>.
        </p>
        {/* Plain <a>: these are route handlers (feed, JSON, CSV), not pages the client router can render. */}
        <p>
          Data: <a href="/feed.xml">status changes (Atom feed)</a> ·{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler, not a page */}
          <a href="/api/claims">JSON API</a> · <a href="/api/claims.csv">CSV export</a>
        </p>
        <p>
          <Link href="/login">Editors sign in</Link>
        </p>
      </div>
    </footer>
  );
}

// The visible link to a page's own Atom feed (its <link rel="alternate"> is in the page's metadata). A plain <a>:
// the feed is a route handler, not a page the client router can render.
export function FollowLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="small" data-testid="follow-feed">
      <a href={href} type="application/atom+xml">
        {label}
      </a>
    </p>
  );
}

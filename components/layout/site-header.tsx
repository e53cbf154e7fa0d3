import Link from "next/link";
import { NavLinks, type Section } from "@/components/layout/nav-links";

/** `current`: the reader section the page belongs to, marked in the nav; none on the login, 404 and 403 pages. */
export function SiteHeader({ current }: { current?: Section }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="inner">
        <Link className="brand" href="/">
          Claim<span>watch</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <NavLinks current={current} />
        </nav>
      </div>
    </header>
  );
}

import Link from "next/link";
import { NavLinks } from "@/components/layout/nav-links";

export function SiteHeader() {
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
          <NavLinks />
        </nav>
      </div>
    </header>
  );
}

import Link from "next/link";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/claims", label: "Claims" },
  { href: "/actors", label: "Actors" },
  { href: "/corrections", label: "Corrections" },
  { href: "/methodology", label: "Methodology" },
] as const;

/**
 * A server component: the header is in the shared layout, which does not know the URL without reading the request
 * (that would make every reader page request-dependent), and marking the current link with usePathname() made
 * this the only client component of the reader pages. The page's own <h1> says where the reader is.
 */
export function NavLinks() {
  return (
    <ul>
      {LINKS.map(({ href, label }) => (
        <li key={href}>
          <Link href={href}>{label}</Link>
        </li>
      ))}
    </ul>
  );
}

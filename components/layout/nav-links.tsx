"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/claims", label: "Claims" },
  { href: "/actors", label: "Actors" },
  { href: "/corrections", label: "Corrections" },
  { href: "/methodology", label: "Methodology" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul>
      {LINKS.map(({ href, label }) => {
        const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <li key={href}>
            <Link href={href} aria-current={current ? "page" : undefined}>
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

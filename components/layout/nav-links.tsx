import Link from "next/link";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/claims", label: "Claims" },
  { href: "/actors", label: "Actors" },
  { href: "/incidents", label: "Incidents" },
  { href: "/corrections", label: "Corrections" },
  { href: "/methodology", label: "Methodology" },
] as const;

/** A reader section: the href of its link in the header. */
export type Section = (typeof LINKS)[number]["href"];

/**
 * A server component, told its section by the section's layout (components/layout/reader-frame.tsx): reading the URL
 * here would take usePathname() in a client component (client JS on every reader page) or the request (no page
 * cache). A claim page marks "Claims", an actor page "Actors", a further page of corrections "Corrections".
 */
export function NavLinks({ current }: { current?: Section }) {
  return (
    <ul>
      {LINKS.map(({ href, label }) => (
        <li key={href}>
          <Link href={href} aria-current={href === current ? "page" : undefined}>
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

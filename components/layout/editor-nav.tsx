"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string; current: (path: string) => boolean };

const EDITOR_LINKS: NavLink[] = [
  { href: "/editor", label: "My work", current: (p) => p === "/editor" },
  {
    href: "/editor/claims",
    label: "Claims",
    current: (p) => p === "/editor/claims" || (p.startsWith("/editor/claims/") && p !== "/editor/claims/new"),
  },
  { href: "/editor/claims/new", label: "New claim", current: (p) => p === "/editor/claims/new" },
  { href: "/editor/incidents", label: "Incidents", current: (p) => p.startsWith("/editor/incidents") },
];
const ADMIN_LINKS: NavLink[] = [
  { href: "/admin/users", label: "Admin", current: (p) => p.startsWith("/admin/users") },
  { href: "/admin/audit", label: "Audit log", current: (p) => p.startsWith("/admin/audit") },
  { href: "/admin/import", label: "Import", current: (p) => p.startsWith("/admin/import") },
  { href: "/admin/checklist", label: "Checklist", current: (p) => p.startsWith("/admin/checklist") },
  { href: "/admin/settings", label: "Settings", current: (p) => p.startsWith("/admin/settings") },
];

/**
 * The signed-in area's menu; the admin pages are listed only to admins (the admin layout is the real check).
 * `workCount` is what "My work" holds, read by the layout on every request (lib/data/reads/work-queue.ts).
 */
export function EditorNav({ isAdmin, workCount }: { isAdmin: boolean; workCount: number }) {
  const pathname = usePathname();
  const links = isAdmin ? [...EDITOR_LINKS, ...ADMIN_LINKS] : EDITOR_LINKS;
  return (
    <ul>
      {links.map(({ href, label, current }) => (
        <li key={href}>
          <Link href={href} aria-current={current(pathname) ? "page" : undefined}>
            {href === "/editor" ? <span data-testid="my-work-count">{`${label} (${workCount})`}</span> : label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Administration" };

// A page of its own rather than a redirect: redirect() in a page under a streamed layout becomes a client-side
// navigation, which left /admin blank without JavaScript. It links to the admin pages the menu lists
// (components/layout/editor-nav.tsx).
export default function AdminIndex() {
  return (
    <>
      <h1>Administration</h1>
      <p className="lede">
        Accounts, the record of every change, bulk data, the verification checklist and the desk&apos;s settings.
      </p>
      <ul>
        <li>
          <Link href="/admin/users">Accounts</Link> — create editor and admin accounts, reset passwords, disable
          accounts, lift a sign-in wait.
        </li>
        <li>
          <Link href="/admin/audit">Audit log</Link> — who changed what and when, with each change&apos;s before and
          after.
        </li>
        <li>
          <Link href="/admin/import">Import</Link> — load claims, actors and sources from an export file.
        </li>
        <li>
          <Link href="/admin/checklist">Checklist</Link> — the verification steps every claim&apos;s page lists for
          editors to tick.
        </li>
        <li>
          <Link href="/admin/settings">Settings</Link> — whether a second editor reviews verdicts, and when a claim In
          review counts as stale.
        </li>
        <li>
          <Link href="/admin/about">About page</Link> — the text of /about: publisher, funding, ownership, contact.
        </li>
      </ul>
    </>
  );
}

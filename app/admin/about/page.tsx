import type { Metadata } from "next";
import Link from "next/link";
import { readAboutEditor } from "@/lib/data/entry-points/admin";
import { formatDateTime } from "@/lib/domain/format";
import { AboutForm } from "./about-form";

export const metadata: Metadata = { title: "About page" };

export default async function AdminAboutPage() {
  const about = await readAboutEditor();
  return (
    <>
      <h1>About page</h1>
      <p className="lede">
        What readers read at <Link href="/about">/about</Link>: who publishes Claimwatch, its funding, ownership and
        contact.{" "}
        {about.updatedAt
          ? `Last saved ${formatDateTime(about.updatedAt)}.`
          : "Not written yet: readers see the default text below, which says so."}
      </p>
      <AboutForm markdown={about.markdown} />
      <p>
        <Link href="/admin/audit?entity=AboutPage">Every change in the audit log</Link>
      </p>
    </>
  );
}

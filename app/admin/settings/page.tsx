import type { Metadata } from "next";
import Link from "next/link";
import { readDeskSettingsPage } from "@/lib/data/entry-points/admin";
import { auditEntries } from "@/lib/domain/audit-diff";
import { formatDateTime } from "@/lib/domain/format";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Desk settings" };

export default async function DeskSettingsPage() {
  const { settings, changes } = await readDeskSettingsPage();
  return (
    <>
      <h1>Desk settings</h1>
      <p className="lede">
        How the desk works: whether a second editor reviews verdicts, publications and retractions, and when a claim In
        review needs attention.
      </p>
      <p className="notice" data-testid="review-rule">
        {settings.reviewRequired
          ? "In force: a second editor reviews every verdict, publication with a verdict and retraction."
          : "In force: no review. One editor alone can publish a verdict or take a published claim down."}
      </p>
      <SettingsForm settings={settings} />
      <h2>Recent changes</h2>
      {changes.length === 0 ? (
        <p className="muted">No change recorded yet.</p>
      ) : (
        <ul data-testid="settings-changes">
          {changes.map((c) => (
            <li key={c.id}>
              {formatDateTime(c.createdAt)}, {c.user?.name ?? "a removed account"}:{" "}
              {(auditEntries(c.changes) ?? [])
                .map((e) => (e.kind === "changed" ? `${e.field}: ${e.before} → ${e.after}` : `${e.field}: ${e.value}`))
                .join("; ")}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/admin/audit?entity=DeskSettings">Every change in the audit log</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { CSV_CLAIMANT_COLUMNS, CSV_COLUMNS } from "@/lib/data-io/read-file";
import { IMPORT_UPLOAD_MAX_BYTES } from "@/lib/validation/import";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  // The admin layout checks too; a page that writes this much checks for itself.
  await requireRole("ADMIN");
  return (
    <>
      <h1>Import claims</h1>
      <p className="lede">
        Add or update actors, sources and claims from a file. All or nothing: if anything in the file is wrong, nothing
        is written and every problem is listed with its line. Importing the same file again changes nothing.
      </p>
      <ImportForm maxMegabytes={IMPORT_UPLOAD_MAX_BYTES / 1024 / 1024} />
      <section className="stack" aria-labelledby="formats-heading">
        <h2 id="formats-heading">File formats</h2>
        <p>
          <strong>JSON</strong> is the format of <code>npm run db:export</code>: actors, incidents, sources and claims
          with their sources and stance, casualty figures, links and status history. Records are matched by slug
          (sources by address, or title and publisher), so an export can be edited and imported back.
        </p>
        <p>
          <strong>CSV</strong> holds claims only, one per row, with these columns:{" "}
          {CSV_COLUMNS.map((c, i) => (
            <span key={c}>
              {i ? ", " : ""}
              <code>{c}</code>
            </span>
          ))}
          . The claimant is an actor slug; for an actor that does not exist yet, add{" "}
          {CSV_CLAIMANT_COLUMNS.map((c, i) => (
            <span key={c}>
              {i ? ", " : ""}
              <code>{c}</code>
            </span>
          ))}
          . Other columns are refused rather than ignored. Sources, figures, links and history come from JSON only.
          Files must be UTF-8.
        </p>
      </section>
    </>
  );
}

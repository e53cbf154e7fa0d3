import type { ActionResult } from "@/lib/actions/result";
import type { ImportDone } from "@/lib/data/entry-points/import-upload";

// The import's outcome as a whole HTML page, for an admin whose browser posted the upload form without JavaScript
// (app/admin/import/upload/route.ts). With JavaScript the form shows the same outcome in place
// (app/admin/import/import-report.tsx). Self-contained like the 403 page (lib/http/forbidden-page.ts): no script,
// no build-hashed stylesheet, every value escaped.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const count = (n: number) => n.toLocaleString("en");

const RECORDS = [
  ["actors", "Actors"],
  ["incidents", "Incidents"],
  ["sources", "Sources"],
  ["claims", "Claims"],
] as const;

/** The page's Content-Security-Policy: nothing runs, nothing loads, only the inline style applies. */
export const IMPORT_RESULT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function importResultHtml(result: ActionResult<ImportDone>): string {
  let heading: string;
  let body: string;
  if (result.ok) {
    const d = result.data;
    heading = d.dryRun ? "Dry run: nothing was written" : "Imported";
    const lede = d.dryRun
      ? `${d.fileName} is valid (${count(d.records)} records). Importing it would make these changes:`
      : `${d.fileName} was imported (${count(d.records)} records). Readers see the published claims now.`;
    const rows = RECORDS.map(
      ([key, label]) =>
        `<tr><th scope="row">${label}</th><td>${count(d.counts[key].created)}</td><td>${count(d.counts[key].updated)}</td><td>${count(d.counts[key].unchanged)}</td></tr>`,
    ).join("");
    body = `<p role="status">${escape(lede)}</p>
<table><caption>${d.dryRun ? "Changes the import would make" : "Changes made"}</caption>
<thead><tr><th scope="col">Records</th><th scope="col">Created</th><th scope="col">Updated</th><th scope="col">Unchanged</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  } else {
    heading = "Nothing was imported";
    const fieldErrors = Object.values(result.fieldErrors)
      .flat()
      .filter((m): m is string => typeof m === "string");
    const items = (result.issues ?? []).map(
      (i) =>
        `<li>${i.line !== undefined ? `<span>Line ${i.line}</span> ` : ""}${i.path ? `<code>${escape(i.path)}</code> ` : ""}${escape(i.message)}</li>`,
    );
    body = `<p role="alert">${escape(result.formError ?? "Please correct the file and try again.")}</p>
${fieldErrors.length ? `<ul>${fieldErrors.map((m) => `<li>${escape(m)}</li>`).join("")}</ul>` : ""}
${items.length ? `<ol data-testid="import-issues">${items.join("")}</ol>` : ""}`;
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${heading} · Import · Claimwatch</title>
<style>
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1rem 3rem; background: #fbfaf7; color: #1d2329; font-family: "Source Sans 3", "Segoe UI", system-ui, sans-serif; line-height: 1.55; }
h1 { font-family: "Source Serif 4", Georgia, serif; }
table { border-collapse: collapse; } th, td { padding: .25rem .75rem; text-align: left; border-bottom: 1px solid #d8d4cc; }
a { color: #124e78; } :focus-visible { outline: 3px solid #c45a00; outline-offset: 2px; }
</style>
</head>
<body>
<main id="main">
<h1>${heading}</h1>
${body}
<p><a href="/admin/import">Back to the import</a></p>
</main>
</body>
</html>`;
}

import type { ImportIssue } from "@/lib/data-io/issues";
import type { ImportCounts } from "@/lib/data-io/plan-model";
import { countOf, formatCount } from "@/lib/domain/format";

// The outcome of an upload: what was (or would be) written, or every problem with its line and field.

const RECORDS = [
  ["actors", "Actors"],
  ["incidents", "Incidents"],
  ["sources", "Sources"],
  ["claims", "Claims"],
] as const;
const RELATIONS = [
  ["claimSources", "Sources linked to claims"],
  ["figures", "Casualty figures"],
  ["links", "Links between claims"],
] as const;

export function ImportCountsTable({ counts, dryRun }: { counts: ImportCounts; dryRun: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{dryRun ? "Changes the import would make" : "Changes made"}</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col" className="num">
              Created
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Unchanged
            </th>
          </tr>
        </thead>
        <tbody>
          {RECORDS.map(([key, label]) => (
            <tr key={key} data-testid={`count-${key}`}>
              <th scope="row">{label}</th>
              <td className="num">{formatCount(counts[key].created)}</td>
              <td className="num">{formatCount(counts[key].updated)}</td>
              <td className="num">{formatCount(counts[key].unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Within the claims</caption>
        <thead>
          <tr>
            <th scope="col">Rows</th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col" className="num">
              Removed
            </th>
          </tr>
        </thead>
        <tbody>
          {RELATIONS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num">{formatCount(counts[key].added)}</td>
              <td className="num">{formatCount(counts[key].removed)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Status changes</th>
            <td className="num">{formatCount(counts.statusChanges.added)}</td>
            <td className="num">0</td>
          </tr>
          <tr>
            <th scope="row">Internal notes</th>
            <td className="num">{formatCount(counts.notes.added)}</td>
            <td className="num">0</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function ImportIssueList({ issues, total }: { issues: ImportIssue[]; total: number }) {
  return (
    <section className="stack import-problems" aria-labelledby="import-problems-heading">
      <h2 id="import-problems-heading">
        {countOf(total, "problem")}
        {issues.length < total ? ` (the first ${formatCount(issues.length)} listed)` : ""}
      </h2>
      <ol className="import-issues" data-testid="import-issues">
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.line !== undefined ? <span className="issue-line">Line {issue.line}</span> : null}
            {issue.path ? <code>{issue.path}</code> : null} {issue.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

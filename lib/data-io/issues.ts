// What an import reports: every problem found, each with where it is (the line and the field path), so a file
// can be fixed in one pass. Client-safe: the admin page renders these.

export type ImportIssue = {
  /** the line the record starts on, when known (CSV always; JSON when the scan found it) */
  line?: number;
  /** e.g. claims[12].figures[0].max (JSON) or claimedAt (a CSV column); "" for the file as a whole */
  path: string;
  message: string;
};

/** ["claims", 12, "figures", 0, "max"] → "claims[12].figures[0].max" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.line !== undefined ? `line ${issue.line}` : "", issue.path].filter(Boolean).join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Issues in file order: by line, then path, so a report reads top to bottom. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.order - b.order)
    .map(({ issue }) => issue);
}

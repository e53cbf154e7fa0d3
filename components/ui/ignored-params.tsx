import type { FilterIssue } from "@/lib/validation/claim-filters";

/** Says which parts of the address were not used, instead of failing the page. */
export function IgnoredParams({ issues }: { issues: FilterIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="ignored-params">
      <strong>Some of this address could not be used:</strong>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.param}:${issue.message}`}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { reportingVerbWarning } from "@/lib/domain/reporting-verb";

/**
 * The reporting-verb warning under the statement, as the editor types (lib/domain/reporting-verb.ts): a warning, not
 * a refusal, so the form still saves. aria-live for the same reason as the duplicate warning beside it.
 */
export function ReportingVerbWarning({ statement }: { statement: string }) {
  const warning = reportingVerbWarning(statement);
  return (
    <div aria-live="polite">
      {warning ? (
        <p className="notice small" data-testid="reporting-verb-warning">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { CORRECTIONS_PAGE_SIZE } from "@/lib/data/reads/corrections";
import { readCorrections } from "@/lib/data/entry-points/reader";
import { formatDateTime, countOf } from "@/lib/domain/format";
import { POSITION_LABEL, STATUS_INFO } from "@/lib/domain/vocabulary";
import { correctionsHref, type CorrectionsPage } from "@/lib/http/corrections-page";

/** One page of the corrections list: /corrections (page 1) and /corrections/page/[page] render the same thing. */
export async function CorrectionsList({ page, issue }: CorrectionsPage) {
  const { total, withdrawals, corrections } = await readCorrections(page);
  const pageCount = Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE));

  return (
    <>
      <h1>Corrections</h1>
      <p className="lede">
        When we move a claim away from a verdict we had published, or withdraw a fact-check we had published, it is
        listed here with our reasons. See the <Link href="/methodology#corrections">corrections policy</Link>.
      </p>
      <IgnoredParams issues={issue ? [issue] : []} />
      {corrections.length === 0 ? (
        <p className="empty" data-testid="no-corrections">
          {total === 0 ? "No corrections so far." : "No corrections on this page."}
        </p>
      ) : (
        <ol className="claim-list" data-testid="corrections">
          {corrections.map((c) =>
            c.entry === "withdrawal" ? (
              <li key={`w${c.id}`} className="claim-item" data-testid="withdrawal-entry">
                <p className="small muted">
                  <span className="tag">Withdrawn</span>{" "}
                  <time dateTime={c.withdrawnAt.toISOString()}>{formatDateTime(c.withdrawnAt)}</time>
                </p>
                <h2>
                  <Link href={`/claims/${c.slug}`}>{c.statement}</Link>
                </h2>
                <p>
                  Claimed by {c.claimant}. We withdrew this fact-check; our last verdict was{" "}
                  <strong>{c.kind === "POSITION" ? POSITION_LABEL : STATUS_INFO[c.status].label}</strong>.
                </p>
                <p>Reason: {c.reason}</p>
              </li>
            ) : (
              <li key={c.id} className="claim-item">
                <p className="small muted">
                  <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                  {c.editor ? ` · ${c.editor.name}` : ""}
                </p>
                <h2>
                  <Link href={`/claims/${c.claim.slug}`}>{c.claim.statement}</Link>
                </h2>
                <p>
                  Claimed by {c.claim.claimant.name}. Verdict changed from <strong>{STATUS_INFO[c.from].label}</strong>{" "}
                  to <strong>{STATUS_INFO[c.to].label}</strong>.
                </p>
                <p>{c.rationale}</p>
              </li>
            ),
          )}
        </ol>
      )}
      <p className="small muted">
        {`${countOf(total, "correction")} in all${withdrawals > 0 ? `, ${countOf(withdrawals, "withdrawal")} among them` : ""}.`}
      </p>
      <Pagination page={page} pageCount={pageCount} hrefFor={correctionsHref} />
    </>
  );
}

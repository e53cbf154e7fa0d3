import type { Metadata } from "next";
import Link from "next/link";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { CORRECTIONS_PAGE_SIZE } from "@/lib/data/reads/corrections";
import { readCorrections } from "@/lib/data/entry-points/reader";
import { formatDateTime, formatCount } from "@/lib/domain/format";
import { STATUS_INFO } from "@/lib/domain/vocabulary";

export const instant = false;
export const metadata: Metadata = { title: "Corrections" };

export default async function CorrectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).page;
  const pageParam = Array.isArray(raw) ? raw[0] : raw;
  const valid = pageParam === undefined || /^[1-9]\d{0,5}$/.test(pageParam);
  const page = valid && pageParam ? Number(pageParam) : 1;
  const issues = valid
    ? []
    : [{ param: "page", message: `Page “${String(pageParam).slice(0, 40)}” does not exist; showing page 1.` }];
  const { total, corrections } = await readCorrections(page);
  const pageCount = Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE));

  return (
    <>
      <h1>Corrections</h1>
      <p className="lede">
        When we move a claim away from a verdict we had published, the change is listed here with our reasons. See the{" "}
        <Link href="/methodology#corrections">corrections policy</Link>.
      </p>
      <IgnoredParams issues={issues} />
      {corrections.length === 0 ? (
        <p className="empty" data-testid="no-corrections">
          {total === 0 ? "No corrections so far." : "No corrections on this page."}
        </p>
      ) : (
        <ol className="claim-list" data-testid="corrections">
          {corrections.map((c) => (
            <li key={c.id} className="claim-item">
              <p className="small muted">
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                {c.editor ? ` · ${c.editor.name}` : ""}
              </p>
              <h3>
                <Link href={`/claims/${c.claim.slug}`}>{c.claim.statement}</Link>
              </h3>
              <p>
                Claimed by {c.claim.claimant.name}. Verdict changed from <strong>{STATUS_INFO[c.from].label}</strong> to{" "}
                <strong>{STATUS_INFO[c.to].label}</strong>.
              </p>
              <p>{c.rationale}</p>
            </li>
          ))}
        </ol>
      )}
      <p className="small muted">{formatCount(total)} corrections in all.</p>
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => `/corrections?page=${n}`} />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/claims/status-badge";
import { readMyWork } from "@/lib/data/entry-points/editor";
import type { QueueSection } from "@/lib/data/reads/work-queue";
import { countOf, formatDateTime, formatCount } from "@/lib/domain/format";
import { proposalTitle } from "@/lib/domain/review-rules";
import type { ClaimStatus } from "@/lib/domain/vocabulary";

// Rendered per request, never cached: the queue is the signed-in editor's own, and changes with every save.
export const instant = false;
export const metadata: Metadata = { title: "Editor: my work" };

type ClaimRef = { id: number; statement: string; status: ClaimStatus; kind: "FACT" | "POSITION" };

function ClaimLink({ claim }: { claim: ClaimRef }) {
  return (
    <>
      <Link href={`/editor/claims/${claim.id}`}>{claim.statement}</Link>{" "}
      <StatusBadge status={claim.status} kind={claim.kind} />
    </>
  );
}

function Section<T>({
  id,
  title,
  empty,
  section,
  render,
}: {
  id: string;
  title: string;
  empty: string;
  section: QueueSection<T>;
  render: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`work-${id}`}>
      <h2 id={`${id}-heading`}>
        {title} ({formatCount(section.total)})
      </h2>
      {section.total === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="work-list">{section.items.map(render)}</ul>
          {section.total > section.items.length ? (
            <p className="muted small">
              Showing the first {formatCount(section.items.length)} of {formatCount(section.total)}.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export default async function MyWorkPage() {
  const work = await readMyWork();
  return (
    <>
      <div className="page-head">
        <h1>My work</h1>
        <Link className="button" href="/editor/claims/new">
          New claim
        </Link>
      </div>
      <p className="lede">
        {work.total === 0 ? "Nothing waits for you." : `${countOf(work.total, "item waits", "items wait")} for you.`}{" "}
        Every claim, drafts included, is in the <Link href="/editor/claims">claims list</Link>.
      </p>

      <Section
        id="assigned"
        title="Assigned to me"
        empty="No claim is assigned to you."
        section={work.assigned}
        render={(c) => (
          <li key={c.id}>
            <ClaimLink claim={c} />
            <div className="muted small">Last changed {formatDateTime(c.updatedAt)}</div>
          </li>
        )}
      />

      <Section
        id="review"
        title="Waiting for my review"
        empty="No proposal waits for your review."
        section={work.review}
        render={(p) => (
          <li key={p.id}>
            <ClaimLink claim={p.claim} />
            <div className="small">
              {proposalTitle(p.kind, p.status)}, proposed by {p.proposer?.name ?? "a removed account"} on{" "}
              {formatDateTime(p.createdAt)}
            </div>
          </li>
        )}
      />

      <Section
        id="sent-back"
        title="Sent back to me"
        empty="None of your proposals was sent back."
        section={work.sentBack}
        render={(p) => (
          <li key={p.id}>
            <ClaimLink claim={p.claim} />
            <div className="small">
              {proposalTitle(p.kind, p.status)}: sent back by {p.reviewer?.name ?? "a removed account"}
              {p.decidedAt ? ` on ${formatDateTime(p.decidedAt)}` : ""}
            </div>
            {p.reviewComment ? <blockquote data-testid="review-comment">{p.reviewComment}</blockquote> : null}
          </li>
        )}
      />

      <Section
        id="mentions"
        title="Mentioning me"
        empty="No note mentions you, or you have answered every one."
        section={work.mentions}
        render={(n) => (
          <li key={n.id}>
            <ClaimLink claim={n.claim} />
            <div className="muted small">
              Mentioned by {n.author?.name ?? "a removed account"} on {formatDateTime(n.createdAt)}; a note of yours on
              the claim clears it.
            </div>
          </li>
        )}
      />

      <Section
        id="corrections"
        title="Correction requests"
        empty="No reader's correction request is open."
        section={work.corrections}
        render={(r) => (
          <li key={r.id}>
            <Link href={`/editor/corrections/${r.id}`}>
              Request from {r.name ?? "an anonymous reader"} on {formatDateTime(r.createdAt)}
            </Link>
            <div className="small">
              On: <ClaimLink claim={r.claim} />
            </div>
            <blockquote className="small">
              {r.message.length > 200 ? `${r.message.slice(0, 199)}…` : r.message}
            </blockquote>
          </li>
        )}
      />

      <Section
        id="stale"
        title={`In review for more than ${countOf(work.staleReviewDays, "day")}`}
        empty={`No claim has been In review for more than ${countOf(work.staleReviewDays, "day")}.`}
        section={work.staleReview}
        render={(c) => (
          <li key={c.id}>
            <ClaimLink claim={c} />
            <div className="muted small">In review since {formatDateTime(c.since)}</div>
          </li>
        )}
      />
    </>
  );
}

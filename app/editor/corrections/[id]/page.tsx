import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { AcceptCorrectionForm, DeclineCorrectionForm } from "@/components/editor/correction-answer-forms";
import { readCorrectionRequest } from "@/lib/data/entry-points/editor";
import { formatDateTime } from "@/lib/domain/format";
import { STATUS_INFO } from "@/lib/domain/vocabulary";
import { acceptCorrectionRequestAction, declineCorrectionRequestAction } from "./actions";

// A reader's correction request, answered here (linked from "My work", app/editor/page.tsx). Editors only: the
// request, its name and email are never shown to readers.
export const instant = false;
export const metadata: Metadata = { title: "Editor: correction request" };

type Props = { params: Promise<{ id: string }> };

const STATE_LABEL = { OPEN: "Open", ACCEPTED: "Accepted", DECLINED: "Declined" } as const;

export default async function CorrectionRequestPage({ params }: Props) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const request = await readCorrectionRequest(Number(id));
  if (!request) notFound();
  const { claim } = request;
  const corrections = claim.statusChanges.map((c) => ({
    id: c.id,
    label: `${formatDateTime(c.createdAt)}: ${STATUS_INFO[c.from].label} → ${STATUS_INFO[c.to].label}`,
  }));
  return (
    <>
      <h1>Correction request</h1>
      <p className="lede">
        On <Link href={`/editor/claims/${claim.id}`}>{claim.statement}</Link>{" "}
        <StatusBadge status={claim.status} kind={claim.kind} />
      </p>
      <dl className="card" data-testid="correction-request-detail">
        <dt>State</dt>
        <dd data-testid="correction-request-state">{STATE_LABEL[request.state]}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>From</dt>
        <dd>
          {request.name ?? "No name given"}
          {request.email ? (
            <>
              {" "}
              (<a href={`mailto:${request.email}`}>{request.email}</a>)
            </>
          ) : (
            ", no email"
          )}
        </dd>
        <dt>Message</dt>
        <dd>
          <blockquote style={{ whiteSpace: "pre-wrap" }}>{request.message}</blockquote>
        </dd>
      </dl>
      {request.state === "OPEN" ? (
        <div className="stack">
          <AcceptCorrectionForm
            requestId={request.id}
            corrections={corrections}
            action={acceptCorrectionRequestAction}
          />
          <DeclineCorrectionForm requestId={request.id} action={declineCorrectionRequestAction} />
        </div>
      ) : (
        <p className="notice" data-testid="correction-request-answer">
          {STATE_LABEL[request.state]} by {request.handledBy?.name ?? "a removed account"}
          {request.handledAt ? ` on ${formatDateTime(request.handledAt)}` : ""}
          {request.answer ? `: ${request.answer}` : "."}
          {request.correction ? (
            <>
              {" "}
              The correction: {STATUS_INFO[request.correction.from].label} → {STATUS_INFO[request.correction.to].label}{" "}
              ({formatDateTime(request.correction.createdAt)}).
            </>
          ) : null}
          {request.correctionUrl ? (
            <>
              {" "}
              The correction: <a href={request.correctionUrl}>{request.correctionUrl}</a>
            </>
          ) : null}
        </p>
      )}
    </>
  );
}

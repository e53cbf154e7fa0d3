"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { errorAt } from "@/components/editor/field-error";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";
import type { ClaimProposal } from "@/lib/data/reads/proposals";
import { formatDateTime } from "@/lib/domain/format";
import { proposalTitle } from "@/lib/domain/review-rules";
import { STANCE_LABEL } from "@/lib/domain/vocabulary";
import { SendBackProposalSchema } from "@/lib/validation/proposal";

type ById = { claimId: number; proposalId: number };
export type ReviewActions = {
  approve: FormAction<ById, { version: number; claimId: number }>;
  sendBack: FormAction<z.output<typeof SendBackProposalSchema>, { claimId: number }>;
  withdraw: FormAction<ById, { claimId: number }>;
};

const messageOf = (r: ActionFailure) =>
  [r.formError, ...Object.values(r.fieldErrors).flat()].filter((m, i, all) => m && all.indexOf(m) === i).join(" ");

/** What was proposed, as the reviewer judges it: the status, the rationale or reason, the sources as they were. */
function ProposalDetails({ proposal }: { proposal: ClaimProposal }) {
  return (
    <>
      <p>
        <strong>{proposalTitle(proposal.kind, proposal.status)}</strong>{" "}
        <span className="muted small">
          proposed by {proposal.proposer?.name ?? "a former editor"} on {formatDateTime(proposal.createdAt)} (claim
          version {proposal.claimVersion})
        </span>
      </p>
      <p className="small">
        <strong>{proposal.kind === "UNPUBLISH" ? "Reason:" : "Rationale:"}</strong> {proposal.rationale || "—"}
      </p>
      {proposal.sources.length ? (
        <>
          <p className="small">
            <strong>Sources as proposed:</strong>
          </p>
          <ul className="small">
            {proposal.sources.map((s) => (
              <li key={s.sourceId}>
                {s.title} — {STANCE_LABEL[s.stance]}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="small">No linked sources when proposed.</p>
      )}
    </>
  );
}

/**
 * The claim's pending proposal, shown to every editor: approve or send back for the others, withdraw for its
 * proposer. Or, to its proposer, the one just sent back with the reviewer's comment. The server decides who may do
 * what (lib/data/writes/proposals.ts); the buttons only offer what it would accept.
 */
export function ProposalPanel({
  pending,
  sentBack,
  viewerId,
  actions,
}: {
  pending: ClaimProposal | null;
  sentBack: ClaimProposal | null;
  viewerId: number;
  actions: ReviewActions;
}) {
  if (pending)
    return (
      <div className="card stack" data-testid="pending-proposal">
        <p className="notice">Waiting for review: readers see nothing of this until another editor approves it.</p>
        <ProposalDetails proposal={pending} />
        {pending.proposerId === viewerId ? (
          <ProposerControls proposalId={pending.id} withdraw={actions.withdraw} />
        ) : (
          <ReviewerControls proposalId={pending.id} actions={actions} />
        )}
      </div>
    );
  if (sentBack && sentBack.proposerId === viewerId)
    return (
      <div className="card stack" data-testid="sent-back-proposal">
        <p className="notice">
          Sent back by {sentBack.reviewer?.name ?? "a former editor"}
          {sentBack.decidedAt ? ` on ${formatDateTime(sentBack.decidedAt)}` : ""}:{" "}
          <span data-testid="review-comment">{sentBack.reviewComment}</span>
        </p>
        <ProposalDetails proposal={sentBack} />
        <p className="small muted">Make the changes it asks for, then propose again.</p>
      </div>
    );
  return null;
}

function ProposerControls({ proposalId, withdraw }: { proposalId: number; withdraw: ReviewActions["withdraw"] }) {
  const hydrated = useHydrated();
  const { claimId } = useClaimVersion();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function run() {
    setPending(true);
    setError(undefined);
    try {
      const result = await withdraw({ claimId, proposalId });
      if (!result.ok) return setError(messageOf(result));
      router.refresh();
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="stack">
      <FormMessage error={error} />
      <p className="small muted">You proposed this: another editor must approve it or send it back.</p>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={!hydrated || pending}
          onClick={() => void run()}
        >
          Withdraw the proposal
        </button>
      </div>
    </div>
  );
}

function ReviewerControls({ proposalId, actions }: { proposalId: number; actions: ReviewActions }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const { claimId, setVersion } = useClaimVersion();
  const [approving, setApproving] = useState(false);
  const [approveError, setApproveError] = useState<string>();
  const form = useForm<z.input<typeof SendBackProposalSchema>, unknown, z.output<typeof SendBackProposalSchema>>({
    resolver: zodResolver(SendBackProposalSchema),
    defaultValues: { claimId, proposalId, comment: "" },
  });
  const { register, formState, handleSubmit, setError } = form;

  async function approve() {
    setApproving(true);
    setApproveError(undefined);
    try {
      const result = await actions.approve({ claimId, proposalId });
      if (!result.ok) return setApproveError(messageOf(result));
      setVersion(result.data.version);
      router.refresh();
    } finally {
      setApproving(false);
    }
  }
  const sendBack = handleSubmit(async (values) => {
    const result = await actions.sendBack(values);
    if (!result.ok) return applyServerErrors(setError, result, ["comment"]);
    router.refresh();
  });

  return (
    <div className="stack">
      <FormMessage error={approveError} />
      <div className="actions">
        <button type="button" className="button" disabled={!hydrated || approving} onClick={() => void approve()}>
          {approving ? "Approving…" : "Approve"}
        </button>
      </div>
      <form onSubmit={(e) => void sendBack(e)} noValidate aria-label="Send back" className="stack">
        <FormMessage error={formState.errors.root?.server?.message} />
        <Field
          label="Comment for the proposer"
          errors={errorAt(formState.errors, "comment")}
          hint="Required to send it back: say what needs changing."
        >
          <textarea rows={3} {...register("comment")} />
        </Field>
        <div className="actions">
          <button className="button button-secondary" type="submit" disabled={!hydrated || formState.isSubmitting}>
            {formState.isSubmitting ? "Sending back…" : "Send back"}
          </button>
        </div>
      </form>
    </div>
  );
}

import { z } from "zod";
import { REVIEW_COMMENT_MAX } from "@/lib/domain/review-rules";
import { recordId, requiredText } from "@/lib/validation/fields";

// The review buttons on a claim's editor page: approve, send back (with a comment), withdraw. Client-safe. Who may
// press which, and whether the proposal is still pending and current, the write decides
// (lib/data/writes/proposals.ts).

// Each names the claim whose page the button is on as well: a proposal of another claim is refused, so an id typed
// wrong (or crafted) never decides something the reviewer did not look at.
const proposalOfClaim = { claimId: recordId("a claim"), proposalId: recordId("a proposal") };

export const ApproveProposalSchema = z.object(proposalOfClaim);
export type ApproveProposalInput = z.output<typeof ApproveProposalSchema>;

export const SendBackProposalSchema = z.object({
  ...proposalOfClaim,
  comment: requiredText("The comment", REVIEW_COMMENT_MAX),
});
export type SendBackProposalInput = z.output<typeof SendBackProposalSchema>;

export const WithdrawProposalSchema = z.object(proposalOfClaim);
export type WithdrawProposalInput = z.output<typeof WithdrawProposalSchema>;

import { z } from "zod";
import { REVIEW_COMMENT_MAX } from "@/lib/domain/review-rules";
import { recordId, requiredText } from "@/lib/validation/fields";

// The review buttons on a claim's editor page: approve, send back (with a comment), withdraw. Client-safe. Who may
// press which, and whether the proposal is still pending and current, the write decides
// (lib/data/writes/proposals.ts).

export const ApproveProposalSchema = z.object({ proposalId: recordId("a proposal") });
export type ApproveProposalInput = z.output<typeof ApproveProposalSchema>;

export const SendBackProposalSchema = z.object({
  proposalId: recordId("a proposal"),
  comment: requiredText("The comment", REVIEW_COMMENT_MAX),
});
export type SendBackProposalInput = z.output<typeof SendBackProposalSchema>;

export const WithdrawProposalSchema = z.object({ proposalId: recordId("a proposal") });
export type WithdrawProposalInput = z.output<typeof WithdrawProposalSchema>;

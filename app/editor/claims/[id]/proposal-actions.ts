"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { approveProposal, sendBackProposal, withdrawProposal } from "@/lib/data/writes/proposals";
import { ApproveProposalSchema, SendBackProposalSchema, WithdrawProposalSchema } from "@/lib/validation/proposal";

// Review of a proposed verdict, publication or retraction (lib/data/writes/proposals.ts). Only an approval
// changes what readers see; sending back and withdrawing change the editor pages alone.

export async function approveProposalAction(input: z.input<typeof ApproveProposalSchema>) {
  return runAction(
    { role: "EDITOR", schema: ApproveProposalSchema, write: approveProposal, invalidate: "readers" },
    input,
  );
}

export async function sendBackProposalAction(input: z.input<typeof SendBackProposalSchema>) {
  return runAction(
    { role: "EDITOR", schema: SendBackProposalSchema, write: sendBackProposal, invalidate: "nothing" },
    input,
  );
}

export async function withdrawProposalAction(input: z.input<typeof WithdrawProposalSchema>) {
  return runAction(
    { role: "EDITOR", schema: WithdrawProposalSchema, write: withdrawProposal, invalidate: "nothing" },
    input,
  );
}

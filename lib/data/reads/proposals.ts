import type { Db } from "@/lib/db/create-client";
import type { ClaimStatus, Stance } from "@/generated/prisma/client";

// What the claim's editor page shows about review (lib/data/writes/proposals.ts): the pending proposal, or the
// one just sent back, whose comment the proposer reads. Editors only: never part of a reader read.

const proposalSelect = {
  id: true,
  kind: true,
  status: true,
  rationale: true,
  sources: true,
  claimVersion: true,
  state: true,
  reviewComment: true,
  createdAt: true,
  decidedAt: true,
  proposerId: true,
  proposer: { select: { name: true } },
  reviewer: { select: { name: true } },
} as const;

export type ProposedSource = { sourceId: number; stance: Stance; title: string };

function decode<T extends { sources: string; status: ClaimStatus | null }>(row: T) {
  let sources: ProposedSource[] = [];
  try {
    sources = JSON.parse(row.sources) as ProposedSource[];
  } catch {
    // A snapshot that is not JSON was not written by this app; show none rather than fail the page.
  }
  return { ...row, sources };
}

/** The claim's latest proposal decides what the page shows: pending (to review), or sent back (to rework). */
export async function getClaimProposals(db: Db, claimId: number) {
  const latest = await db.proposal.findFirst({ where: { claimId }, orderBy: { id: "desc" }, select: proposalSelect });
  return {
    pending: latest?.state === "PENDING" ? decode(latest) : null,
    sentBack: latest?.state === "SENT_BACK" ? decode(latest) : null,
  };
}
export type ClaimProposal = NonNullable<Awaited<ReturnType<typeof getClaimProposals>>["pending"]>;

import { STATUS_INFO, isFinalStatus, type ClaimStatus } from "@/lib/domain/vocabulary";

// Which changes a second editor must approve before readers see them (docs/editing.md, Review;
// docs/decisions/0018-review-as-proposals.md). One home for the rule: the status and publication writes call it,
// and the editor's forms call it to say beforehand that a change will be proposed. Client-safe, no I/O.

export type ReviewKind = "VERDICT" | "PUBLISH" | "UNPUBLISH";

/** A retraction's reason is shown to readers on the withdrawn claim's page: at least this long. */
export const RETRACTION_REASON_MIN = 20;
export const RETRACTION_REASON_MAX = 2000;
/** A reviewer's comment when sending a proposal back. */
export const REVIEW_COMMENT_MAX = 2000;

type ClaimState = { published: boolean; status: ClaimStatus };

/**
 * A status change needs review when readers would see a verdict appear or change: a final status on a published
 * claim, or any change away from a published final verdict. Drafts change freely: publishing them is reviewed.
 */
export function statusChangeNeedsReview(reviewRequired: boolean, claim: ClaimState, to: ClaimStatus): boolean {
  return reviewRequired && claim.published && (isFinalStatus(to) || isFinalStatus(claim.status));
}

/** Publishing puts the claim's verdict in front of readers: reviewed when that verdict is final. */
export function publishNeedsReview(reviewRequired: boolean, status: ClaimStatus): boolean {
  return reviewRequired && isFinalStatus(status);
}

/** Taking a published claim down is a retraction, always reviewed when review is in force. */
export function unpublishNeedsReview(reviewRequired: boolean): boolean {
  return reviewRequired;
}

/** The message for a retraction reason that is missing or short; null when it will do. */
export function retractionReasonProblem(reason: string | null | undefined): string | null {
  const length = (reason ?? "").trim().length;
  if (length === 0) return "Give the reason for taking this claim down: readers see it where the claim was.";
  if (length < RETRACTION_REASON_MIN)
    return `The reason needs at least ${RETRACTION_REASON_MIN} characters; this one has ${length}.`;
  return null;
}

/** What a reviewer may not do with a proposal: decide their own. Null when `reviewerId` may approve or send back. */
export function selfReviewProblem(proposerId: number | null, reviewerId: number): string | null {
  return proposerId === reviewerId
    ? "You proposed this change: another editor must review it. You can withdraw it instead."
    : null;
}

export const REVIEW_KIND_LABEL: Record<ReviewKind, string> = {
  VERDICT: "Verdict",
  PUBLISH: "Publication",
  UNPUBLISH: "Retraction",
};

/** A proposal in a few words, as the claim page and "My work" name it: "Verdict: False", "Retraction". */
export function proposalTitle(kind: ReviewKind, status: ClaimStatus | null): string {
  return `${REVIEW_KIND_LABEL[kind]}${status ? `: ${STATUS_INFO[status].label}` : ""}`;
}

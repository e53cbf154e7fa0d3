import { STATUS_INFO, isFinalStatus, type ClaimKind, type ClaimStatus } from "@/lib/domain/vocabulary";

// The verdict rules (design: Verification statuses), in one place for the status form's schema, the status write,
// the import and the seed's factories. Which statuses are final is STATUS_INFO[status].final in vocabulary.ts.
// Client-safe: the status form runs these rules in the browser too.

/** A final verdict is explained to readers in at least this many characters. */
export const FINAL_RATIONALE_MIN = 20;
export const RATIONALE_MAX = 2000;

/**
 * A claim's proposed status with what the rules look at. Leave out what the caller cannot know (the form knows no
 * source count; the status form's claim is never a position): the rules about it are then not checked.
 */
export type ProposedVerdict = {
  status: ClaimStatus;
  rationale: string | null | undefined;
  kind?: ClaimKind;
  sourceCount?: number;
};

export type VerdictRule = "position-not-rated" | "rationale-missing" | "rationale-too-short" | "needs-source";

/** `field` names the part of a claim the problem is about; each caller maps it to its own field name. */
export type VerdictProblem = { rule: VerdictRule; field: "status" | "rationale" | "sources"; message: string };

/** A position is a stance, not a checkable fact: it is never rated and keeps the status Unverified. */
export function ratesPosition(kind: ClaimKind, status: ClaimStatus): boolean {
  return kind === "POSITION" && status !== "UNVERIFIED";
}

/** A final verdict needs at least one linked source: also asked before a claim's last source is unlinked. */
export function lacksSource(status: ClaimStatus, sourceCount: number): boolean {
  return isFinalStatus(status) && sourceCount < 1;
}

/** Every rule the proposed verdict breaks, in the order a reader of the messages should fix them; [] when none. */
export function verdictProblems(v: ProposedVerdict): VerdictProblem[] {
  const problems: VerdictProblem[] = [];
  // A crafted status that is not one of ours is the schema's to report: no problems here, and never a throw.
  const info = STATUS_INFO[v.status] as (typeof STATUS_INFO)[ClaimStatus] | undefined;
  if (!info) return problems;
  const label = info.label;
  if (v.kind !== undefined && ratesPosition(v.kind, v.status)) {
    problems.push({
      rule: "position-not-rated",
      field: "status",
      message:
        "This claim is a position — a stance, not a checkable fact. Positions are not rated: they keep the status Unverified and are labelled “Position — not rated”.",
    });
  }
  const final = isFinalStatus(v.status);
  const length = (v.rationale ?? "").trim().length;
  if (v.status !== "UNVERIFIED" && length === 0) {
    problems.push({
      rule: "rationale-missing",
      field: "rationale",
      message: `Explain the status ${label}: readers see this rationale.`,
    });
  } else if (final && length < FINAL_RATIONALE_MIN) {
    problems.push({
      rule: "rationale-too-short",
      field: "rationale",
      message: `A final verdict (${label}) needs a rationale of at least ${FINAL_RATIONALE_MIN} characters; this one has ${length}.`,
    });
  }
  if (v.sourceCount !== undefined && lacksSource(v.status, v.sourceCount)) {
    problems.push({
      rule: "needs-source",
      field: "sources",
      message: `Link at least one source to this claim before giving it a final verdict (${label}).`,
    });
  }
  return problems;
}

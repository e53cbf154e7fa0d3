import type { WithdrawnClaim } from "@/lib/data/reads/withdrawn";
import { claimUrl } from "@/lib/domain/site";
import { POSITION_LABEL, STATUS_INFO } from "@/lib/domain/vocabulary";

// A withdrawn claim in the JSON API (docs/api.md): the 410 body of GET /api/claims/[slug] and each item of
// GET /api/withdrawals. A public contract like lib/api/claim-json.ts: add fields, never rename or drop one.

export function toApiWithdrawal(w: WithdrawnClaim) {
  return {
    slug: w.slug,
    url: claimUrl(w.slug),
    statement: w.statement,
    kind: w.kind,
    claimant: w.claimant,
    /** the last verdict before the withdrawal */
    status: w.status,
    statusLabel: w.kind === "POSITION" ? POSITION_LABEL : STATUS_INFO[w.status].label,
    statusRationale: w.rationale,
    withdrawnAt: w.withdrawnAt.toISOString(),
    reason: w.reason,
  };
}

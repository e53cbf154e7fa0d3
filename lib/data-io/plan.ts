import { loadExisting } from "@/lib/data-io/existing";
import type { Tx } from "@/lib/db/create-client";
import { checkRefs, planClaim, type ClaimContext } from "@/lib/data-io/plan-claim";
import { INVALID_RECORD, emptyPlan, type Plan, type PlanContext } from "@/lib/data-io/plan-model";
import { planActors, planIncidents, planSources } from "@/lib/data-io/plan-records";
import type { ValidDocument } from "@/lib/data-io/validate";

// The second half of validation and the whole of the decision what to write, made against the database as it is
// when the import writes: which slugs exist, which references resolve, and which rows are new, changed or already
// as the file says (those are left alone, so importing a file twice changes nothing the second time).

export async function planImport(tx: Tx, doc: ValidDocument, ctx: PlanContext): Promise<Plan> {
  const existing = await loadExisting(tx, doc);
  const plan = emptyPlan();
  const actorIds = planActors(doc, existing, plan, ctx);
  const incidentIds = planIncidents(doc, existing, plan, ctx);
  const sourceIds = planSources(doc, existing, plan, ctx);

  // Ids for new claims first: links may point at a claim further down the file.
  const claimIds = new Map<string, number>();
  for (const [slug, claim] of existing.claims) claimIds.set(slug, claim.id);
  let nextClaimId = existing.maxIds.claim;
  for (const rec of doc.claims) if (!claimIds.has(rec.value.slug)) claimIds.set(rec.value.slug, ++nextClaimId);

  // A reference to a record that failed validation is not reported again (its own errors are): the id stands in,
  // and nothing is written while there are errors.
  const withInvalid = (ids: Map<string, number>, invalid: Set<string>) => {
    for (const key of invalid) if (!ids.has(key)) ids.set(key, INVALID_RECORD);
    return ids;
  };
  const cc: ClaimContext = {
    existing,
    actorIds: withInvalid(actorIds, doc.invalid.actors),
    incidentIds: withInvalid(incidentIds, doc.invalid.incidents),
    sourceIds: withInvalid(sourceIds, doc.invalid.sources),
    claimIds: withInvalid(claimIds, doc.invalid.claims),
    csv: doc.format === "csv",
  };
  for (const rec of doc.claims) planClaim(rec, cc, plan, ctx);
  for (const rec of doc.invalidClaimRefs) checkRefs(rec, cc, plan);
  return plan;
}

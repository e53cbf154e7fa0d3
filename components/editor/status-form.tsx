"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { ClaimPartForm } from "@/components/editor/claim-part-form";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { errorAt } from "@/components/editor/field-error";
import { useSaveState } from "@/components/editor/use-save-state";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { openStepsWarning } from "@/lib/domain/checklist";
import { statusChangeNeedsReview } from "@/lib/domain/review-rules";
import { FINAL_RATIONALE_MIN } from "@/lib/domain/verdict";
import { StatusChangeSchema } from "@/lib/validation/status-change";
import { STATUSES, STATUS_INFO, type ClaimStatus } from "@/lib/domain/vocabulary";

const FIELDS = ["status", "rationale"] as const;

type ChangeStatus = FormAction<
  z.output<typeof StatusChangeSchema>,
  { version: number; isCorrection: boolean; warning: string | null; proposalId: number | null }
>;

/**
 * Moves a claim to a new status with a rationale readers see in its timeline. `openSteps`: the verification steps
 * not ticked yet; a final verdict is warned about them before saving, never blocked (lib/domain/checklist.ts).
 * A change readers would see while review is in force is proposed instead, and the form says so beforehand
 * (lib/domain/review-rules.ts).
 */
export function StatusForm({
  current,
  published,
  reviewRequired,
  sourceCount,
  openSteps,
  action,
}: {
  current: ClaimStatus;
  published: boolean;
  reviewRequired: boolean;
  sourceCount: number;
  openSteps: string[];
  action: ChangeStatus;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const { claimId, version, setVersion } = useClaimVersion();
  const form = useForm<z.input<typeof StatusChangeSchema>, unknown, z.output<typeof StatusChangeSchema>>({
    resolver: zodResolver(StatusChangeSchema),
    defaultValues: { claimId, version, status: undefined, rationale: "" },
  });
  const { register, control, setError, setValue, formState, reset } = form;
  const state = useSaveState(setError, FIELDS);
  const chosen = useWatch({ control, name: "status" }) as ClaimStatus | undefined;
  const final = chosen ? STATUS_INFO[chosen]?.final : false;
  const stepsWarning = chosen && STATUS_INFO[chosen] ? openStepsWarning(chosen, openSteps) : null;
  const proposes =
    chosen && STATUS_INFO[chosen]
      ? statusChangeNeedsReview(reviewRequired, { published, status: current }, chosen)
      : false;

  const submit = form.handleSubmit(async (values) => {
    state.start();
    const result = await action(values);
    if (!result.ok) return state.refused(result);
    setVersion(result.data.version);
    reset({ claimId, version: result.data.version, status: undefined, rationale: "" });
    if (result.data.proposalId !== null) {
      const proposed = "Proposed for review: another editor must approve it before readers see it.";
      state.saved(result.data.warning ? `${proposed} Warning: ${result.data.warning}` : proposed);
      router.refresh();
      return;
    }
    const saved = result.data.isCorrection
      ? "Status changed. This moves away from a published verdict, so it is listed on the corrections page."
      : "Status changed. It appears in the claim's public timeline.";
    state.saved(result.data.warning ? `${saved} Warning: ${result.data.warning}` : saved);
  });

  return (
    <ClaimPartForm
      label="Change status"
      setVersion={setValue}
      submit={submit}
      error={formState.errors.root?.server?.message}
      state={state}
    >
      <Field label="New status" errors={errorAt(formState.errors, "status")}>
        <select {...register("status")} defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {STATUSES.map((s) => (
            <option key={s} value={s} disabled={s === current}>
              {STATUS_INFO[s].label}
              {STATUS_INFO[s].final ? " (final)" : ""}
              {s === current ? " — current" : ""}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Rationale"
        errors={errorAt(formState.errors, "rationale")}
        hint={
          final
            ? `Shown to readers. A final verdict needs at least ${FINAL_RATIONALE_MIN} characters${sourceCount === 0 ? " and at least one linked source (this claim has none yet)" : ""}.`
            : "Shown to readers in the claim's timeline."
        }
      >
        <textarea {...register("rationale")} rows={4} />
      </Field>
      {proposes ? (
        <p className="notice" data-testid="will-be-proposed">
          This change will be proposed for review: readers see it only once another editor approves it.
        </p>
      ) : null}
      {stepsWarning ? (
        <p className="notice" data-testid="open-steps-warning">
          {stepsWarning} You can still save it.
        </p>
      ) : null}
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Change status"}
        </button>
      </div>
    </ClaimPartForm>
  );
}

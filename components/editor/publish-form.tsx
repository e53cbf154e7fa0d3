"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ClaimPartForm } from "@/components/editor/claim-part-form";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { errorAt } from "@/components/editor/field-error";
import { useSaveState } from "@/components/editor/use-save-state";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { RETRACTION_REASON_MIN, publishNeedsReview, unpublishNeedsReview } from "@/lib/domain/review-rules";
import type { ClaimStatus } from "@/lib/domain/vocabulary";
import { PublishSchema } from "@/lib/validation/claim";

const FIELDS = ["publish", "confirm", "reason"] as const;

type SetPublished = FormAction<
  z.output<typeof PublishSchema>,
  { version: number; publishedAt: Date | null; proposalId: number | null }
>;

/**
 * Publish (readers see the claim: it needs a linked source, and the editor confirms) or unpublish, which for a
 * published claim is a retraction with a reason readers see where the claim was. Either may be proposed for review
 * first (lib/domain/review-rules.ts); the form says so before it is sent.
 */
export function PublishForm({
  published,
  status,
  sourceCount,
  reviewRequired,
  action,
}: {
  published: boolean;
  status: ClaimStatus;
  sourceCount: number;
  reviewRequired: boolean;
  action: SetPublished;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const { claimId, version, setVersion } = useClaimVersion();
  const form = useForm<z.input<typeof PublishSchema>, unknown, z.output<typeof PublishSchema>>({
    resolver: zodResolver(PublishSchema),
    defaultValues: { claimId, version, publish: !published, confirm: false, reason: "" },
  });
  const { register, setError, setValue, formState, reset } = form;
  const state = useSaveState(setError, FIELDS);
  const proposes = published ? unpublishNeedsReview(reviewRequired) : publishNeedsReview(reviewRequired, status);

  const submit = form.handleSubmit(async (values) => {
    state.start();
    const result = await action(values);
    if (!result.ok) return state.refused(result);
    setVersion(result.data.version);
    reset({ claimId, version: result.data.version, publish: !published, confirm: false, reason: "" });
    state.saved(
      result.data.proposalId !== null
        ? "Proposed for review: another editor must approve it before readers see any change."
        : published
          ? "Withdrawn: readers no longer see this claim; its address says why."
          : "Published: readers see this claim now.",
    );
    router.refresh();
  });

  return (
    <ClaimPartForm
      label={published ? "Unpublish" : "Publish"}
      setVersion={setValue}
      submit={submit}
      error={formState.errors.root?.server?.message ?? errorAt(formState.errors, "publish")}
      state={state}
    >
      {published ? (
        <Field
          label="Reason for taking it down"
          errors={errorAt(formState.errors, "reason")}
          hint={`Readers see it where the claim was; at least ${RETRACTION_REASON_MIN} characters. The claim keeps its last verdict.`}
        >
          <textarea rows={3} {...register("reason")} />
        </Field>
      ) : (
        <>
          {sourceCount === 0 ? (
            <p className="small muted">
              Link at least one source before publishing: readers need to see what it rests on.
            </p>
          ) : null}
          <Field
            label="I have checked the statement, its status and its sources"
            errors={errorAt(formState.errors, "confirm")}
          >
            <input type="checkbox" {...register("confirm")} />
          </Field>
        </>
      )}
      {proposes ? (
        <p className="notice" data-testid="publish-will-be-proposed">
          {published ? "Taking it down" : "Publishing it with a final verdict"} will be proposed for review: another
          editor must approve it first.
        </p>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className={published ? "button button-secondary" : "button"}
          disabled={!hydrated || formState.isSubmitting}
        >
          {published ? "Unpublish (retract)" : "Publish"}
        </button>
      </div>
    </ClaimPartForm>
  );
}

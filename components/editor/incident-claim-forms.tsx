"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormFeedback } from "@/components/editor/form-feedback";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";
import { AttachClaimSchema, type DetachClaimInput } from "@/lib/validation/incident";

type AttachAction = FormAction<z.output<typeof AttachClaimSchema>, { claimId: number; slug: string }>;
type DetachAction = FormAction<DetachClaimInput, { claimId: number }>;

/** Attaches an existing claim (by slug or address) to the incident; the page's list of claims then reloads. */
export function AttachClaimForm({ incidentId, action }: { incidentId: number; action: AttachAction }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<z.input<typeof AttachClaimSchema>>({
    resolver: zodResolver(AttachClaimSchema),
    defaultValues: { incidentId, claim: "" },
  });
  const { register, handleSubmit, setError, formState, reset } = form;
  const submit = handleSubmit(async (values) => {
    setSaved(null);
    const result = await action(AttachClaimSchema.parse(values));
    if (result.ok) {
      setSaved(`Attached “${result.data.slug}”.`);
      reset({ incidentId, claim: "" });
      router.refresh();
    } else applyServerErrors(setError, result, ["claim"]);
  });
  return (
    <form className="stack" data-testid="attach-claim" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Attach a claim"
        hint="The claim's slug (e.g. kabul-denies-harbouring-ttp), or paste its reader address …/claims/<slug>."
        errors={formState.errors.claim?.message}
      >
        <input {...register("claim")} autoComplete="off" dir="auto" />
      </Field>
      <FormFeedback error={formState.errors.root?.server?.message} success={saved} />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={!hydrated || formState.isSubmitting}>
          Attach claim
        </button>
      </div>
    </form>
  );
}

/** Takes one claim out of the incident. */
export function DetachClaimButton({
  incidentId,
  claimId,
  action,
}: {
  incidentId: number;
  claimId: number;
  action: DetachAction;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionFailure | null>(null);
  async function detach() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await action({ incidentId, claimId });
      if (result.ok) router.refresh();
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={!hydrated || pending}
        onClick={() => void detach()}
      >
        Detach
      </button>
      {refusal ? <FormFeedback error={refusal.formError} /> : null}
    </>
  );
}

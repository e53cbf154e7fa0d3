"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { FormAction } from "@/lib/actions/result";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DECLINE_REASON_MIN } from "@/lib/domain/correction-request-rules";
import {
  AcceptCorrectionRequestSchema,
  DeclineCorrectionRequestSchema,
  type AcceptCorrectionRequestInput,
  type DeclineCorrectionRequestInput,
} from "@/lib/validation/correction-request";

// The two answers to a reader's correction request (app/editor/corrections/[id]/page.tsx): accept with a link to
// the correction, or decline with a reason. Each form has its own schema; the actions come in as props.

type Option = { id: number; label: string };

export function AcceptCorrectionForm({
  requestId,
  corrections,
  action,
}: {
  requestId: number;
  corrections: Option[];
  action: FormAction<AcceptCorrectionRequestInput, { claimId: number }>;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<z.input<typeof AcceptCorrectionRequestSchema>, unknown, AcceptCorrectionRequestInput>({
    resolver: zodResolver(AcceptCorrectionRequestSchema),
    defaultValues: { requestId, correctionId: "", correctionUrl: "", note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["correctionId", "correctionUrl", "note"]);
    router.refresh();
  });
  return (
    <form className="card stack" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Accept the request">
      <h3>Accept</h3>
      <Field
        label="The correction on this claim"
        hint="One of the claim's status changes marked as a correction, or a link below."
        errors={errors.correctionId?.message}
      >
        <select {...form.register("correctionId")}>
          <option value="">— none, I give a link —</option>
          {corrections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Or a link to the correction" errors={errors.correctionUrl?.message}>
        <input type="url" {...form.register("correctionUrl")} />
      </Field>
      <Field label="Note (optional)" errors={errors.note?.message}>
        <textarea rows={2} {...form.register("note")} />
      </Field>
      <FormMessage error={errors.root?.server?.message} />
      <div className="actions">
        <button type="submit" className="button" disabled={!hydrated || isSubmitting}>
          Accept the request
        </button>
      </div>
    </form>
  );
}

export function DeclineCorrectionForm({
  requestId,
  action,
}: {
  requestId: number;
  action: FormAction<DeclineCorrectionRequestInput, { claimId: number }>;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const form = useForm<z.input<typeof DeclineCorrectionRequestSchema>, unknown, DeclineCorrectionRequestInput>({
    resolver: zodResolver(DeclineCorrectionRequestSchema),
    defaultValues: { requestId, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["reason"]);
    router.refresh();
  });
  return (
    <form className="card stack" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Decline the request">
      <h3>Decline</h3>
      <Field
        label="Reason"
        hint={`Why the claim stays as it is, in at least ${DECLINE_REASON_MIN} characters.`}
        errors={errors.reason?.message}
      >
        <textarea rows={3} {...form.register("reason")} />
      </Field>
      <FormMessage error={errors.root?.server?.message} />
      <div className="actions">
        <button type="submit" className="button" disabled={!hydrated || isSubmitting}>
          Decline the request
        </button>
      </div>
    </form>
  );
}

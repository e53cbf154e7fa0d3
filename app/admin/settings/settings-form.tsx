"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DeskSettingsSchema, STALE_DAYS_MAX, STALE_DAYS_MIN } from "@/lib/validation/desk-settings";
import { saveDeskSettingsAction } from "./actions";

type Values = z.input<typeof DeskSettingsSchema>;

/** The desk's two settings; turning review off shows what that allows before it is saved. */
export function SettingsForm({ settings }: { settings: { reviewRequired: boolean; staleReviewDays: number } }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof DeskSettingsSchema>>({
    resolver: zodResolver(DeskSettingsSchema),
    defaultValues: { reviewRequired: settings.reviewRequired, staleReviewDays: String(settings.staleReviewDays) },
  });
  const { errors, isSubmitting } = form.formState;
  const reviewRequired = useWatch({ control: form.control, name: "reviewRequired" });

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await saveDeskSettingsAction(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["reviewRequired", "staleReviewDays"]);
    setSaved(result.data.changed ? "Settings saved." : "Nothing changed: these settings were already in force.");
    router.refresh();
  });

  return (
    <form className="card stack" noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Desk settings">
      <Field label="Review by a second editor" errors={errors.reviewRequired?.message}>
        <input type="checkbox" {...form.register("reviewRequired")} />
      </Field>
      <p className="field-hint">
        When on, a verdict, a publication with a verdict and a retraction take effect only once a different editor
        approves them.
      </p>
      {reviewRequired ? null : (
        <p className="notice" role="alert" data-testid="review-off-warning">
          With review off, one editor alone can publish a verdict or take a published claim down. Keep it on unless the
          desk has a single editor.
        </p>
      )}
      <Field
        label="Days before a claim In review counts as stale"
        hint={`From ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}: claims In review for longer appear in every editor's “My work”.`}
        errors={errors.staleReviewDays?.message}
      >
        <input inputMode="numeric" {...form.register("staleReviewDays")} />
      </Field>
      <FormMessage error={errors.root?.server?.message} success={saved ?? undefined} />
      <div className="actions">
        <button type="submit" className="button" disabled={!hydrated || isSubmitting}>
          Save settings
        </button>
      </div>
    </form>
  );
}

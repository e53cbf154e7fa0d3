"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { STEP_NAME_MAX } from "@/lib/domain/checklist";
import { AddStepSchema, RenameStepSchema } from "@/lib/validation/checklist";
import type { ActionFailure } from "@/lib/actions/result";
import { addStepAction, moveStepAction, renameStepAction, retireStepAction } from "./actions";

/** A refusal of the name field repeats its message as the form error (refuseField): shown once, at the field. */
function atField(result: ActionFailure): ActionFailure {
  const repeated = Object.values(result.fieldErrors).some((m) => m?.includes(result.formError ?? ""));
  return repeated ? { ...result, formError: undefined } : result;
}

/** Adds a step at the end of the checklist. */
export function AddStepForm() {
  const hydrated = useHydrated();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<z.input<typeof AddStepSchema>, unknown, z.output<typeof AddStepSchema>>({
    resolver: zodResolver(AddStepSchema),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(null);
    const result = await addStepAction(values);
    if (!result.ok) return applyServerErrors(form.setError, atField(result), ["name"]);
    setAdded(`Step “${values.name}” added at the end of the checklist.`);
    form.reset();
  });
  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-labelledby="add-step-heading">
      <h2 id="add-step-heading">Add a step</h2>
      <FormMessage error={errors.root?.server?.message} success={added ?? undefined} />
      <Field label="Step name" errors={errors.name?.message} hint={`Up to ${STEP_NAME_MAX} characters.`}>
        <input type="text" autoComplete="off" {...form.register("name")} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? "Adding…" : "Add step"}
        </button>
      </div>
    </form>
  );
}

/** One step in use: rename it, move it up or down, or retire it. */
export function StepRow({ step, first, last }: { step: { id: number; name: string }; first: boolean; last: boolean }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<z.input<typeof RenameStepSchema>, unknown, z.output<typeof RenameStepSchema>>({
    resolver: zodResolver(RenameStepSchema),
    values: { stepId: step.id, name: step.name },
  });
  const { errors, isSubmitting } = form.formState;
  const onRename = form.handleSubmit(async (values) => {
    setRefusal(null);
    const result = await renameStepAction(values);
    if (!result.ok) applyServerErrors(form.setError, atField(result), ["name"]);
  });

  async function command(run: () => ReturnType<typeof moveStepAction>) {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await run();
      if (!result.ok) setRefusal(result.formError ?? "Not saved.");
    } finally {
      setBusy(false);
    }
  }
  const disabled = !hydrated || busy || isSubmitting;

  return (
    <li data-testid="checklist-step">
      <form noValidate onSubmit={onRename} aria-label={`Step “${step.name}”`}>
        <FormMessage error={errors.root?.server?.message ?? refusal ?? undefined} />
        <Field label={`Name of step “${step.name}”`} errors={errors.name?.message}>
          <input type="text" autoComplete="off" {...form.register("name")} />
        </Field>
        <div className="actions">
          <button className="button" type="submit" disabled={disabled}>
            Rename
          </button>
          <button
            className="button button-secondary"
            type="button"
            disabled={disabled || first}
            onClick={() => command(() => moveStepAction({ stepId: step.id, direction: "up" }))}
          >
            Move up
          </button>
          <button
            className="button button-secondary"
            type="button"
            disabled={disabled || last}
            onClick={() => command(() => moveStepAction({ stepId: step.id, direction: "down" }))}
          >
            Move down
          </button>
          <button
            className="button button-secondary"
            type="button"
            disabled={disabled}
            onClick={() => command(() => retireStepAction({ stepId: step.id }))}
          >
            Retire
          </button>
        </div>
      </form>
    </li>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { errorAt } from "@/components/editor/field-error";
import { useSaveState } from "@/components/editor/use-save-state";
import type { FormAction } from "@/lib/actions/result";

/**
 * The save cycle of every form that adds to a claim on its editor page (sources, figures, links): the schema checks
 * in the browser, the action answers, the page's version moves on (unless someone else saved in between), the form empties and says what was saved — or
 * shows the refusal on its fields with what was typed kept.
 */
export function useClaimPartForm<Values extends FieldValues, Output>(options: {
  schema: z.ZodType<Output, Values>;
  blank: (claimId: number, version: number) => Values;
  fields: readonly Path<Values>[];
  action: FormAction<Output, { previousVersion: number; version: number }>;
  saved: string;
  afterSave?: () => void;
}) {
  const { claimId, version, moveOn } = useClaimVersion();
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(options.schema as never),
    defaultValues: options.blank(claimId, version) as never,
  });
  const state = useSaveState(form.setError, options.fields);
  const submit = form.handleSubmit(async (values) => {
    state.start();
    const result = await options.action(values);
    if (!result.ok) return state.refused(result);
    moveOn(result.data);
    form.reset(options.blank(claimId, result.data.version));
    options.afterSave?.();
    state.saved(options.saved);
  });
  const e = (path: string) => errorAt(form.formState.errors, path);
  return { form, state, submit, e, claimId };
}

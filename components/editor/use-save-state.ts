"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import type { ActionFailure, Conflict } from "@/lib/actions/result";

/**
 * What a form shows after the server answered: the refusal mapped onto its fields (and `root.server`), the
 * conflict details when another editor saved first, or a success note. Values typed stay in the form throughout.
 */
export function useSaveState<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  return {
    conflict,
    success,
    /** Before a new attempt. */
    start() {
      setSuccess(null);
      setConflict(null);
    },
    refused(result: ActionFailure) {
      setConflict(result.conflict ?? null);
      // A refusal of one field repeats its message as the form error (refuseField in lib/actions/result.ts): say it once.
      const repeated = Object.values(result.fieldErrors).some((messages) => messages?.includes(result.formError ?? ""));
      applyServerErrors(setError, repeated ? { fieldErrors: result.fieldErrors } : result, fields);
    },
    saved(message: string) {
      setSuccess(message);
    },
  };
}

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/actions/result";

/**
 * Shows a Server Action's refusal on the form: each field's messages under its input, and the form-level
 * message (plus any message for a field this form does not show) as `root.server`.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  result: { fieldErrors: FieldErrors; formError?: string },
  fields: readonly Path<T>[],
): void {
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(result.fieldErrors)) {
    if (!messages?.length) continue;
    if ((fields as readonly string[]).includes(key))
      setError(key as Path<T>, { type: "server", message: messages.join(" ") });
    else unplaced.push(...messages);
  }
  const message = [result.formError, ...unplaced].filter(Boolean).join(" ");
  if (message) setError("root.server", { type: "server", message });
}

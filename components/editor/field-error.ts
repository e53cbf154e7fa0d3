import { get, type FieldErrors, type FieldValues } from "react-hook-form";

/** The message at a dotted path (claimant.actor.name), for <Field errors>. */
export function errorAt<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  const error = get(errors, path) as { message?: unknown } | undefined;
  return typeof error?.message === "string" ? error.message : undefined;
}

import type { z } from "zod";

// The one result shape of every Server Action: all field errors, never only the first.
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? object : { data: T }))
  | { ok: false; fieldErrors: FieldErrors; formError?: string };

export function fail(formError: string, fieldErrors: FieldErrors = {}): { ok: false; fieldErrors: FieldErrors; formError: string } {
  return { ok: false, fieldErrors, formError };
}

/** zod 4: every issue of every field, keyed by its dotted path so nested fields (figures.0.min) map to inputs. */
export function invalid(error: z.ZodError): { ok: false; fieldErrors: FieldErrors; formError: string } {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "root";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, formError: "Please correct the highlighted fields." };
}

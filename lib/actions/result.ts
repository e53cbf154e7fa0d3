import type { z } from "zod";
import type { ImportIssue } from "@/lib/data-io/issues";

// The one result shape of every Server Action and of the writes behind them (decision record
// docs/decisions/0009-one-action-shape.md). All field errors, never only the first. Client-safe: types and plain
// objects only, so forms import it too.

export type FieldErrors = Record<string, string[] | undefined>;

/** A lost race on a claim's version: who saved first and when, so the form can offer to reload. */
export type Conflict = { changedBy: string | null; changedAt: string };

export type ActionFailure = {
  ok: false;
  fieldErrors: FieldErrors;
  formError?: string;
  conflict?: Conflict;
  /** An uploaded file's problems, each with its line and path (the import); `totalIssues` counts those not shown. */
  issues?: ImportIssue[];
  totalIssues?: number;
};

/** Every success carries `data`; a write with nothing to tell answers `data: undefined`. */
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export function refuse(formError: string, fieldErrors: FieldErrors = {}): ActionFailure {
  return { ok: false, fieldErrors, formError };
}

/** A refusal that belongs to one field; the form-level message repeats it so it is never missed. */
export function refuseField(field: string, message: string): ActionFailure {
  return { ok: false, fieldErrors: { [field]: [message] }, formError: message };
}

/** zod 4: every issue of every field, keyed by its dotted path so nested fields (figures.0.min) map to inputs. */
export function invalid(error: z.ZodError): ActionFailure {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "root";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, formError: "Please correct the highlighted fields." };
}

/**
 * A Server Action as a client form receives it: a prop from its (server) page, so components never import `app/`
 * (eslint.config.mjs). Typed values in, the one result out.
 */
export type FormAction<I, T = undefined> = (input: I) => Promise<ActionResult<T>>;

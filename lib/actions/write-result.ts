import type { FieldErrors } from "@/lib/actions/result";

// What the editor's writes return: the house result shape, plus the details of a lost race on the claim's version
// so the form can say who changed the claim and offer to reload it. Client-safe (types and plain objects only).

/** Who is writing: every write records the user on the claim and in the AuditEvent. */
export type Editor = { id: number };

export type Conflict = { changedBy: string | null; changedAt: string };

export type WriteFailure = { ok: false; fieldErrors: FieldErrors; formError?: string; conflict?: Conflict };
export type WriteResult<T> = { ok: true; data: T } | WriteFailure;

export function refuse(formError: string, fieldErrors: FieldErrors = {}): WriteFailure {
  return { ok: false, fieldErrors, formError };
}

/** A refusal that belongs to one field; the form-level message repeats it so it is never missed. */
export function refuseField(field: string, message: string): WriteFailure {
  return { ok: false, fieldErrors: { [field]: [message] }, formError: message };
}

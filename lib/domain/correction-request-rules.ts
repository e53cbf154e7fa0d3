// The limits of a reader's "Request a correction" (app/(public)/claims/[slug]/correction-request/route.ts), one home
// for the form, the schema and the write. The per-address limit counts the requests stored from one address in the
// window; refused posts (invalid, over the limit, the honeypot) store nothing, so they do not count.

export const CORRECTION_MESSAGE_MAX = 5000;
export const CORRECTION_NAME_MAX = 120;
export const CORRECTION_EMAIL_MAX = 254;
/** An editor's reason for declining: long enough to say why. */
export const DECLINE_REASON_MIN = 10;
export const ANSWER_MAX = 2000;

export const RATE_WINDOW_MS = 10 * 60 * 1000;
export const RATE_LIMIT_DEFAULT = 5;

/** The field a person never sees (hidden by CSS and from screen readers) and a form-filling bot fills in. */
export const HONEYPOT_FIELD = "website";

export function rateLimited(recentCount: number, limit: number): boolean {
  return recentCount >= limit;
}

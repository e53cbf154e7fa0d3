import { z } from "zod";

// The sign-in form and its Server Action parse this same schema. Client-safe.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const EMAIL_MAX = 254;

/** Lower-cased and trimmed before any check, so " Ann@Example.org" and "ann@example.org" are one account. */
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your email address." })
  .max(EMAIL_MAX, { error: `An email address has at most ${EMAIL_MAX} characters.` })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }));

/** Length only, no composition rules (NIST SP 800-63B); never trimmed, spaces are part of a passphrase. */
export const passwordField = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `A password has at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `A password has at most ${PASSWORD_MAX} characters.` });

export const LoginSchema = z.object({
  email: emailField,
  password: passwordField,
  /** where to go after signing in; anything but a local path is replaced by /editor (see safeNextPath) */
  next: z.string().max(2000).optional(),
});

export type LoginInput = z.input<typeof LoginSchema>;

export const DEFAULT_AFTER_LOGIN = "/editor";

/** One message for an unknown email and a wrong password alike: the form must not reveal which accounts exist. */
export const WRONG_CREDENTIALS = "Email or password is incorrect.";

/**
 * A path on this site, or null. "//evil.example" and "/\evil.example" are read by browsers as other hosts, so
 * both are refused, as is anything with control characters.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  return next;
}

import { z } from "zod";

// The sign-in form and its Server Action parse this same schema. Client-safe.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const EMAIL_MAX = 254;

/**
 * Lower-cased and trimmed before any check, so " Ann@Example.org" and "ann@example.org" are one account. `missing`
 * is what an empty field says: "your" address when signing in, the account's when an admin creates one
 * (lib/validation/user.ts).
 */
export function emailAddress(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .min(1, { error: missing })
    .max(EMAIL_MAX, { error: `An email address has at most ${EMAIL_MAX} characters.` })
    .pipe(z.email({ error: "Enter a valid email address, like name@example.org." }));
}

export const emailField = emailAddress("Enter your email address.");

/** Length only, no composition rules (NIST SP 800-63B); never trimmed, spaces are part of a passphrase. */
export const passwordField = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `A password has at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `A password has at most ${PASSWORD_MAX} characters.` });

export const LoginSchema = z.object({
  email: emailField,
  password: passwordField,
  /**
   * Where to go after signing in: made safe and ASCII here, before any session exists; anything but a local path
   * becomes undefined, which means /editor (see safeNextPath).
   */
  next: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => safeNextPath(v) ?? undefined),
});

export type LoginInput = z.input<typeof LoginSchema>;

export const DEFAULT_AFTER_LOGIN = "/editor";

/** One message for an unknown email and a wrong password alike: the form must not reveal which accounts exist. */
export const WRONG_CREDENTIALS = "Email or password is incorrect.";

const BASE = "http://next.invalid";
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A path on this site, percent-encoded so it is plain ASCII (a redirect puts it in a header: "/é" raw would be
 * read as Latin-1, "/\u3000" would not fit at all), or null. "//evil.example" and "/\evil.example" are read by
 * browsers as other hosts, so both are refused, also when they only appear once the path is normalised
 * ("/.//evil.example"); so is anything with control characters or a lone UTF-16 surrogate, which no encoding
 * can carry.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(next) || LONE_SURROGATE.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || path.startsWith("//") || path.length > 6000) return null;
  return path;
}

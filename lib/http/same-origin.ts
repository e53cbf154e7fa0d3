// The Origin check of every Server Action (lib/actions/run-action.ts). Next's own check compares only the host, so
// a page on http://site could post to https://site; here scheme, host and port must all match. The expected origin
// is SITE_URL's when it is configured, else the origin the request itself was addressed to
// (lib/http/client-ip.ts requestOrigin).

export type OriginVerdict = "same" | "missing" | "foreign";

/** Compares an Origin header with the expected origin; "null" and anything that is not a URL are foreign. */
export function checkOrigin(origin: string | null, expected: string | null): OriginVerdict {
  if (origin === null || origin === "") return "missing";
  if (!expected) return "foreign";
  try {
    return new URL(origin).origin === new URL(expected).origin ? "same" : "foreign";
  } catch {
    return "foreign";
  }
}

export const FOREIGN_ORIGIN = "This request came from another site and was refused.";

import { z } from "zod";
import { BIDI_CONTROL, C0_CONTROL } from "@/lib/domain/control-characters";
import { countProblem } from "@/lib/domain/figure-rules";

// Field rules shared by the editor's schemas. Client-safe.
//
// Two callers feed these schemas: a form (inputs give strings, "" for an empty field) and the Server Action, which
// parses the form's *output* again. So every rule accepts both shapes, and parsing an output again yields the same
// output (tests/editor-schemas.test.ts checks this round trip).

export const INT_MAX = 2_147_483_647;

/** "" and null mean "not given"; strings are trimmed first. */
function blank(value: unknown): unknown {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  return value === null ? undefined : value;
}

/** Numbers typed into inputs arrive as strings: only plain digit strings become numbers ("1e3", "0x10" stay text). */
function digits(value: unknown): unknown {
  const v = blank(value);
  return typeof v === "string" && /^-?\d{1,12}(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** A database id picked from a list: required. */
export function recordId(what: string) {
  return z.preprocess(
    digits,
    z
      .number({ error: `Choose ${what}.` })
      .int({ error: `Choose ${what}.` })
      .min(1, { error: `Choose ${what}.` })
      .max(INT_MAX, { error: `Choose ${what}.` }),
  );
}

/** A database id that may be left empty. */
export function optionalRecordId(what: string) {
  return z.preprocess(
    digits,
    z
      .number({ error: `Choose ${what}, or leave it empty.` })
      .int({ error: `Choose ${what}, or leave it empty.` })
      .min(1, { error: `Choose ${what}, or leave it empty.` })
      .max(INT_MAX, { error: `Choose ${what}, or leave it empty.` })
      .optional(),
  );
}

/** The claim version a form was opened at (optimistic concurrency). */
export const versionField = z.preprocess(
  digits,
  z
    .number({ error: "This form has no version: reload the page." })
    .int({ error: "This form has no version: reload the page." })
    .min(1, { error: "This form has no version: reload the page." })
    .max(INT_MAX, { error: "This form has no version: reload the page." }),
);

/** A count of people: whole, not negative (lib/domain/figure-rules.ts). */
export function wholeNumber(label: string) {
  return z.preprocess(
    digits,
    z.number({ error: `${label}: enter a whole number.` }).superRefine((value, ctx) => {
      const message = countProblem(label, value);
      if (message) ctx.addIssue({ code: "custom", message });
    }),
  );
}

/** NUL and the other C0 controls are refused, not silently dropped (lib/domain/control-characters.ts). */
const noControls = (label: string) =>
  [
    (v: string) => !C0_CONTROL.test(v),
    { error: `${label} contains a control character (such as NUL) that cannot be stored; remove it.` },
  ] as const;

/**
 * A UTF-16 surrogate without its partner: JSON and JavaScript strings can carry one (`"\ud800"`), UTF-8 cannot. Stored,
 * it comes back changed (or breaks the write), so an export→import round trip would alter the text.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every text field goes through this: a string of well-formed UTF-16 (see LONE_SURROGATE). */
export function text(label: string, typeError: string) {
  return z.string({ error: typeError }).refine((v) => !LONE_SURROGATE.test(v), {
    error: `${label} contains an invalid character.`,
    abort: true,
  });
}

export function requiredText(label: string, max: number) {
  return text(label, `${label} is required.`)
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is limited to ${max} characters.` })
    .refine(...noControls(label));
}

export function optionalText(label: string, max: number) {
  return z.preprocess(
    blank,
    text(label, `${label} must be text.`)
      .max(max, { error: `${label} is limited to ${max} characters.` })
      .refine(...noControls(label))
      .optional(),
  );
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** Days outside these years are typing mistakes, and the end of year 9999 has no next day to count to. */
export const yearInRange = (d: string) => Number(d.slice(0, 4)) >= YEAR_MIN && Number(d.slice(0, 4)) <= YEAR_MAX;

/** A calendar day as YYYY-MM-DD (what <input type="date"> gives); stored as midnight UTC. */
export function day(label: string) {
  return z.preprocess(
    blank,
    z
      .string({ error: `${label}: enter a date.` })
      .pipe(z.iso.date({ error: `${label}: enter a real date as YYYY-MM-DD.` }))
      .refine(yearInRange, {
        error: `${label}: enter a year between ${YEAR_MIN} and ${YEAR_MAX}.`,
      }),
  );
}

export function optionalDay(label: string) {
  return z.preprocess(
    blank,
    z
      .string({ error: `${label}: enter a date.` })
      .pipe(z.iso.date({ error: `${label}: enter a real date as YYYY-MM-DD.` }))
      .refine(yearInRange, {
        error: `${label}: enter a year between ${YEAR_MIN} and ${YEAR_MAX}.`,
      })
      .optional(),
  );
}

/** "2026-11-25" → that day at 00:00 UTC. */
export const dayToDate = (d: string) => new Date(`${d}T00:00:00.000Z`);

/**
 * Links shown to readers: http and https only, with a real domain. `z.url()` alone accepts `javascript:` and
 * `data:` URLs, which would run script when a reader clicks them. Bidi controls are refused: they make an address
 * read as another. Internationalised hosts are allowed; editors see them in punycode too (lib/domain/link-host.ts).
 */
export function optionalHttpUrl(label: string) {
  const message = `${label} must be a full web address starting with https:// or http://.`;
  return z.preprocess(
    blank,
    text(label, message)
      .refine((v) => !BIDI_CONTROL.test(v), {
        error: `${label} contains invisible direction-changing characters (Unicode bidi controls); type it again.`,
        abort: true,
      })
      .max(2000, { error: `${label} is limited to 2000 characters.` })
      .regex(/^\S+$/, { error: message })
      .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: message }))
      .optional(),
  );
}

/** A checkbox: a real boolean, never the text "true". */
export function checkbox(label: string) {
  return z.boolean({ error: `${label}: tick the box or leave it empty.` });
}

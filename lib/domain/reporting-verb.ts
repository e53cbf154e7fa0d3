// A statement that opens with a reporting verb or an attribution ("Pakistan says…", "According to Kabul, …") puts the
// saying, not the claim, up for a verdict: "Pakistan says it hit TTP safe havens" is true whenever Pakistan said so.
// Such statements are warned about, never refused (quoting a claim verbatim is sometimes right); the form shows the
// warning as the editor types and the save result repeats it. Who said it is recorded as the claimant. Client-safe.

const VERBS =
  "says|said|claims|claimed|alleges|alleged|states|stated|reports|reported|insists|insisted|asserts|asserted|argues|argued";

/** Not a reporting verb but a noun with a verb of its own: "Kabul's claims were rejected", "Reports of shelling…". */
const NOT_A_VERB = "(?!\\s+(?:were|was|are|is|have|has|had|of|about|by|and|or)\\b)";

/** The statement opens with the verb or an attribution phrase itself: "Says…", "According to…", "Reportedly, …". */
const OPENING = new RegExp(`^(?:according\\s+to\\b|reportedly\\b|allegedly\\b|(?:${VERBS})\\b${NOT_A_VERB})`, "i");

/**
 * One to six words, then a lower-case reporting verb: "Pakistan says", "Pakistani officials said that", "The Taliban
 * government claims". Lower case only, so "The United States recognises…" is not "… states"; and not a noun
 * followed by a verb of its own, so "Kabul's claims were rejected" passes.
 */
const SUBJECT_THEN_VERB = new RegExp(`^(?:[\\p{L}\\p{N}'’.\\-–]+\\s+){1,6}?(?:${VERBS})\\b${NOT_A_VERB}`, "u");

export const REPORTING_VERB_WARNING =
  "This statement starts with who said it, so a verdict would rate the saying, not the claim. Write the checkable " +
  "claim itself (e.g. “Pakistan's strikes hit TTP safe havens”) and record who made it as the claimant.";

/** The warning for a statement that opens with a reporting verb or attribution; null when it reads as a claim. */
export function reportingVerbWarning(statement: string): string | null {
  const s = statement.trim();
  return OPENING.test(s) || SUBJECT_THEN_VERB.test(s) ? REPORTING_VERB_WARNING : null;
}

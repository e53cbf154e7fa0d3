// The actors a claim is about, besides its claimant (docs/decisions/0029-claims-about-actors.md). One home for the
// rule: the claim form's schema, the import and the seed all call it. Client-safe, no I/O.

/** Enough for a claim about several parties and populations; more is a sign of a claim that should be split. */
export const ABOUT_MAX = 10;

export const ABOUT_LABEL = "About (actors)";

/** What is wrong with a list of actor ids (or slugs, in a file), or null. The claimant may be listed too. */
export function aboutProblem(keys: readonly (number | string)[]): string | null {
  if (new Set(keys).size !== keys.length) return "Each actor can be listed once.";
  if (keys.length > ABOUT_MAX) return `A claim can be about at most ${ABOUT_MAX} actors.`;
  return null;
}

/**
 * The list as one text, the way edit conflicts compare fields (lib/domain/edit-conflicts.ts) and the audit log
 * stores it: ids in ascending order, so the order the boxes were ticked in is not a change.
 */
export function aboutText(ids: readonly number[]): string {
  return [...ids].sort((a, b) => a - b).join(", ");
}

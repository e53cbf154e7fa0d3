// The rules of internal notes (docs/editing.md, "Internal notes"): how long a note is, how long its author may edit
// it, and how an `@name` mention is written and resolved. No I/O: the schema, the writes and the tests call these.

export const NOTE_MAX = 10_000;

/** A note may be edited by its author for this long after it was written; then the thread is append-only. */
export const NOTE_EDIT_WINDOW_MS = 15 * 60_000;

/** The last instant at which a note written at `createdAt` may still be edited. */
export function noteEditableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + NOTE_EDIT_WINDOW_MS);
}

/** Why `userId` may not edit this note at `now`, or null when they may. */
export function noteEditProblem(
  note: { authorId: number | null; createdAt: Date },
  userId: number,
  now: Date,
): string | null {
  if (note.authorId !== userId) return "Only the author of a note can edit it. Add a new note instead.";
  if (now.getTime() > noteEditableUntil(note.createdAt).getTime())
    return "A note can be edited for 15 minutes after it was written; this one is now part of the record. Add a new note instead.";
  return null;
}

/**
 * A mention is `@` and the part of an editor's email address before the `@`, in any case: `@ana.khan` names
 * ana.khan@example.org. It must not follow a letter, digit, dot or `@`, so an email address written in a note
 * (`ana@example.org`) is not a mention. A dot at the end is the sentence's, not the name's.
 */
const MENTION = /(?<![\p{L}\p{N}._@-])@([a-z0-9](?:[a-z0-9._+-]*[a-z0-9_+-])?)/giu;

/** The handles a note mentions, lower-cased, each once, in the order written. */
export function mentionedHandles(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => (m[1] as string).toLowerCase()))];
}

/** The handle of an account: its email address up to the `@`. */
export const handleOf = (email: string) => email.slice(0, email.lastIndexOf("@")).toLowerCase();

export type MentionAccount = { id: number; email: string; disabledAt: Date | null };

/**
 * Resolves handles against the accounts whose handle matches: the ids to store, or one message per handle that
 * names nobody, a disabled account, or more than one account.
 */
export function resolveMentions(
  handles: string[],
  accounts: MentionAccount[],
): { ok: true; userIds: number[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const userIds: number[] = [];
  for (const handle of handles) {
    const matches = accounts.filter((a) => handleOf(a.email) === handle);
    const active = matches.filter((a) => a.disabledAt === null);
    if (matches.length === 0)
      problems.push(`@${handle} is nobody: no editor's email address starts with “${handle}@”.`);
    else if (active.length === 0) problems.push(`@${handle} is a disabled account and cannot be mentioned.`);
    else if (active.length > 1)
      problems.push(`@${handle} matches more than one editor; write the note without it and tell them another way.`);
    else userIds.push((active[0] as MentionAccount).id);
  }
  return problems.length ? { ok: false, problems } : { ok: true, userIds };
}

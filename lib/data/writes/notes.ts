import { refuseField, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import type { Db, DbOrTx, Tx } from "@/lib/db/create-client";
import { mentionedHandles, noteEditProblem, NOTE_EDIT_WINDOW_MS, resolveMentions } from "@/lib/domain/note-rules";
import { recordAudit, type Editor } from "@/lib/data/writes/record-audit";
import { missingClaim } from "@/lib/data/writes/version-check";
import type { EditNoteInput, NoteInput } from "@/lib/validation/note";

// Internal notes (lib/domain/note-rules.ts). A note is not part of what readers see, so it does not move the claim's
// version (a note never makes another editor's open form stale); the note has its own version for its edits.

/** The accounts an `@name` in `text` could mean: the ids to store, or the refusal on the text field. */
async function mentionsOf(db: DbOrTx, text: string): Promise<{ ok: true; userIds: number[] } | ActionFailure> {
  const handles = mentionedHandles(text);
  if (handles.length === 0) return { ok: true, userIds: [] };
  // A handle is the email up to the `@`; the rule in JavaScript decides, the query only narrows the rows down.
  const accounts = await db.user.findMany({
    where: { OR: handles.map((h) => ({ email: { startsWith: `${h}@` } })) },
    select: { id: true, email: true, disabledAt: true },
  });
  const resolved = resolveMentions(handles, accounts);
  if (!resolved.ok)
    return { ok: false, fieldErrors: { text: resolved.problems }, formError: resolved.problems.join(" ") };
  return resolved;
}

async function storeMentions(tx: Tx, noteId: number, userIds: number[]) {
  await tx.noteMention.deleteMany({ where: { noteId } });
  if (userIds.length) await tx.noteMention.createMany({ data: userIds.map((userId) => ({ noteId, userId })) });
}

export async function addNote(db: Db, editor: Editor, input: NoteInput): Promise<ActionResult<{ noteId: number }>> {
  const claim = await db.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
  if (!claim) return missingClaim();
  const mentions = await mentionsOf(db, input.text);
  if (!mentions.ok) return mentions;
  const noteId = await db.$transaction(async (tx) => {
    const note = await tx.claimNote.create({
      data: { claimId: input.claimId, authorId: editor.id, text: input.text },
      select: { id: true },
    });
    await storeMentions(tx, note.id, mentions.userIds);
    await recordAudit(tx, {
      userId: editor.id,
      entity: "ClaimNote",
      entityId: note.id,
      action: "create",
      changes: { claimId: input.claimId, text: input.text, mentions: mentions.userIds },
    });
    return note.id;
  });
  return { ok: true, data: { noteId } };
}

/**
 * An edit by the note's author within 15 minutes of writing it, at the version the form was opened at. The
 * conditions are checked again by the update itself (author, version, and the window measured at the write), so a
 * second edit racing the first, or one sent a moment after the window closed, changes nothing.
 */
export async function editNote(
  db: Db,
  editor: Editor,
  input: EditNoteInput,
  now: () => Date = () => new Date(),
): Promise<ActionResult<{ noteId: number; version: number }>> {
  const note = await db.claimNote.findUnique({
    where: { id: input.noteId },
    select: { id: true, authorId: true, createdAt: true, version: true, text: true },
  });
  if (!note) return refuseField("noteId", "This note does not exist.");
  const problem = noteEditProblem(note, editor.id, now());
  if (problem) return refuseField("text", problem);
  if (note.version !== input.version) return changedSince();
  const mentions = await mentionsOf(db, input.text);
  if (!mentions.ok) return mentions;

  const written = await db.$transaction(async (tx) => {
    const at = now();
    const { count } = await tx.claimNote.updateMany({
      where: {
        id: note.id,
        authorId: editor.id,
        version: input.version,
        createdAt: { gte: new Date(at.getTime() - NOTE_EDIT_WINDOW_MS) },
      },
      data: { text: input.text, version: { increment: 1 }, editedAt: at },
    });
    if (count !== 1) return false;
    await storeMentions(tx, note.id, mentions.userIds);
    await recordAudit(tx, {
      userId: editor.id,
      entity: "ClaimNote",
      entityId: note.id,
      action: "update",
      changes: {
        text: [note.text, input.text],
        version: [input.version, input.version + 1],
        mentions: mentions.userIds,
      },
    });
    return true;
  });
  if (!written) {
    // Lost between the read and the write: the window closed or another save of the same note came first.
    const late = noteEditProblem(note, editor.id, now());
    return late ? refuseField("text", late) : changedSince();
  }
  return { ok: true, data: { noteId: note.id, version: input.version + 1 } };
}

const changedSince = () =>
  refuseField(
    "text",
    "This note was edited since you opened it. Nothing was saved: reload the page and edit it again.",
  );

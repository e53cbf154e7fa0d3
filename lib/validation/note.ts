import { z } from "zod";
import { NOTE_MAX } from "@/lib/domain/note-rules";
import { recordId, requiredText, versionField } from "@/lib/validation/fields";

// An internal note on a claim, added or edited (lib/domain/note-rules.ts). Client-safe. Whether an `@name` names an
// editor needs the accounts, so the write checks it and answers on the `text` field.

const noteText = requiredText("The note", NOTE_MAX);

export const NoteSchema = z.object({
  claimId: recordId("a claim"),
  text: noteText,
});
export type NoteInput = z.output<typeof NoteSchema>;

/** `version` is the note's own, as the form was opened: an edit of a note that changed since is refused. */
export const EditNoteSchema = z.object({
  noteId: recordId("a note"),
  version: versionField,
  text: noteText,
});
export type EditNoteInput = z.output<typeof EditNoteSchema>;

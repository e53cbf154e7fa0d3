"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { addNote, editNote } from "@/lib/data/writes/notes";
import { EditNoteSchema, NoteSchema } from "@/lib/validation/note";

// Notes are for editors only: no reader page shows them, so a note leaves the page cache alone ("nothing"); the
// note form refreshes its own page.

export async function addNoteAction(input: z.input<typeof NoteSchema>) {
  return runAction({ role: "EDITOR", schema: NoteSchema, write: addNote, invalidate: "nothing" }, input);
}

export async function editNoteAction(input: z.input<typeof EditNoteSchema>) {
  return runAction(
    {
      role: "EDITOR",
      schema: EditNoteSchema,
      write: (db, user, data) => editNote(db, user, data),
      invalidate: "nothing",
    },
    input,
  );
}

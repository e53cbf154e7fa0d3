"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorAt } from "@/components/editor/field-error";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { EditNoteSchema, NoteSchema } from "@/lib/validation/note";

const MENTION_HINT =
  "Mention an editor with @ and the part of their email address before the @ (ana.khan@… is @ana.khan).";

type AddValues = z.input<typeof NoteSchema>;
type AddNote = FormAction<z.output<typeof NoteSchema>, { noteId: number }>;

/** Adds a note to the claim's thread; the page re-renders with it (notes do not move the claim's version). */
export function NoteForm({ claimId, action }: { claimId: number; action: AddNote }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<AddValues, unknown, z.output<typeof NoteSchema>>({
    resolver: zodResolver(NoteSchema),
    defaultValues: { claimId, text: "" },
  });
  const { register, formState, handleSubmit, setError, reset } = form;
  const submit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await action(values);
    if (!result.ok) return applyServerErrors(setError, onlyFields(result), ["text"]);
    reset({ claimId, text: "" });
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Add a note" className="card stack">
      <FormMessage error={formState.errors.root?.server?.message} success={saved ? "Note added." : undefined} />
      <Field label="Note (editors only)" errors={errorAt(formState.errors, "text")} hint={MENTION_HINT}>
        <textarea rows={4} {...register("text")} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add note"}
        </button>
      </div>
    </form>
  );
}

type EditValues = z.input<typeof EditNoteSchema>;
type EditNote = FormAction<z.output<typeof EditNoteSchema>, { noteId: number; version: number }>;

/** Edits one's own note while the 15 minutes last; the server decides (lib/data/writes/notes.ts). */
export function EditNoteForm({
  note,
  action,
}: {
  note: { id: number; version: number; text: string };
  action: EditNote;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<EditValues, unknown, z.output<typeof EditNoteSchema>>({
    resolver: zodResolver(EditNoteSchema),
    defaultValues: { noteId: note.id, version: note.version, text: note.text },
  });
  const { register, formState, handleSubmit, setError } = form;
  const submit = handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(setError, onlyFields(result), ["text"]);
    setOpen(false);
    router.refresh();
  });
  if (!open)
    return (
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!hydrated}
        onClick={() => setOpen(true)}
      >
        Edit
      </button>
    );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit the note" className="stack">
      <FormMessage error={formState.errors.root?.server?.message} />
      <Field label="Note" errors={errorAt(formState.errors, "text")} hint={MENTION_HINT}>
        <textarea rows={4} {...register("text")} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save note"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A refusal of the text field repeats its message as the form error (refuseField): show it once, at the field. */
function onlyFields(result: { fieldErrors: Record<string, string[] | undefined>; formError?: string }) {
  return result.fieldErrors.text?.length ? { fieldErrors: result.fieldErrors } : result;
}

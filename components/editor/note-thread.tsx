import { EditNoteForm } from "@/components/editor/note-form";
import type { FormAction } from "@/lib/actions/result";
import type { ClaimNoteRow } from "@/lib/data/reads/claim-notes";
import { formatDateTime } from "@/lib/domain/format";
import { noteEditProblem } from "@/lib/domain/note-rules";
import type { EditNoteInput } from "@/lib/validation/note";

type Props = {
  notes: ClaimNoteRow[];
  viewerId: number;
  /** when the page was rendered: the Edit button shows only while the window is open (the server checks again) */
  now: Date;
  edit: FormAction<EditNoteInput, { noteId: number; version: number }>;
};

/** The claim's internal notes, oldest first, each with its author, time and the editors it mentions. */
export function NoteThread({ notes, viewerId, now, edit }: Props) {
  if (notes.length === 0) return <p className="muted">No notes yet.</p>;
  return (
    <ol className="timeline" data-testid="note-thread">
      {notes.map((n) => (
        <li key={n.id} data-testid="note">
          <p className="small">
            <strong>{n.author?.name ?? "A removed account"}</strong>{" "}
            <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
            {n.editedAt ? <span className="muted"> (edited {formatDateTime(n.editedAt)})</span> : null}
          </p>
          <p className="note-text" style={{ whiteSpace: "pre-wrap" }}>
            {n.text}
          </p>
          {n.mentions.length ? (
            <p className="muted small">Mentions: {n.mentions.map((m) => m.user.name).join(", ")}</p>
          ) : null}
          {noteEditProblem(n, viewerId, now) === null ? (
            <EditNoteForm note={{ id: n.id, version: n.version, text: n.text }} action={edit} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

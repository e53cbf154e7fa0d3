// Who made a status change: "by X", or "proposed by X, approved by Y" when it went through review
// (lib/domain/review-rules.ts). Shared by the reader timeline and the editor's status history.

type Named = { name: string } | null;

export function ChangeAuthors({ editor, proposedBy }: { editor: Named; proposedBy: Named }) {
  if (proposedBy)
    return (
      <span className="muted">
        {" "}
        proposed by {proposedBy.name}, approved by {editor?.name ?? "a former editor"}
      </span>
    );
  return editor ? <span className="muted"> by {editor.name}</span> : null;
}

import Link from "next/link";

/** Inside the editor's chrome: a claim number that does not exist (or a malformed one). */
export default function EditorClaimNotFound() {
  return (
    <>
      <h1>No such claim</h1>
      <p className="lede">
        There is no claim with this number. The link may be mistyped, or the claim may have been deleted.
      </p>
      <p>
        <Link href="/editor/claims">Back to all claims</Link>
      </p>
    </>
  );
}

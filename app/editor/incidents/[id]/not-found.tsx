import Link from "next/link";

/** Inside the editor's chrome: an incident number that does not exist (or a malformed one). */
export default function EditorIncidentNotFound() {
  return (
    <>
      <h1>No such incident</h1>
      <p className="lede">There is no incident with this number. The link may be mistyped.</p>
      <p>
        <Link href="/editor/incidents">Back to all incidents</Link>
      </p>
    </>
  );
}

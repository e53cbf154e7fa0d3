import type { Metadata } from "next";
import Link from "next/link";
import { ClaimDate } from "@/components/claims/claim-date";
import { readEditorIncidents } from "@/lib/data/entry-points/editor";
import { LOCATION_PRECISION_LABEL } from "@/lib/domain/incident-place";

// Rendered per request, never cached: editors see incidents whose claims are all drafts too.
export const instant = false;
export const metadata: Metadata = { title: "Editor: incidents" };

export default async function EditorIncidentsPage() {
  const incidents = await readEditorIncidents();
  return (
    <>
      <div className="page-head">
        <h1>Incidents</h1>
        <Link className="button" href="/editor/incidents/new">
          New incident
        </Link>
      </div>
      <p className="lede">
        Readers see an incident once at least one of its claims is published; its page lists only published claims.
      </p>
      {incidents.length === 0 ? (
        <p className="empty">No incidents yet.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="editor-incidents">
            <caption>Every incident, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">When</th>
                <th scope="col">Where</th>
                <th scope="col" className="num">
                  Claims (published)
                </th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link href={`/editor/incidents/${i.id}`}>{i.title}</Link>
                  </th>
                  <td>
                    <ClaimDate at={i.date} precision={i.datePrecision} />
                  </td>
                  <td>
                    {i.location} <span className="muted">({LOCATION_PRECISION_LABEL[i.locationPrecision]})</span>
                  </td>
                  <td className="num">
                    {i.claimCount} ({i.publishedCount})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

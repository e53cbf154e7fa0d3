import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { AttachClaimForm, DetachClaimButton } from "@/components/editor/incident-claim-forms";
import { IncidentForm } from "@/components/editor/incident-form";
import { readEditorIncident } from "@/lib/data/entry-points/editor";
import { isoDay } from "@/lib/domain/format";
import { attachClaimAction, detachClaimAction, updateIncidentAction } from "./actions";

export const instant = false;

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const incident = await readEditorIncident(Number(id));
  if (!incident) notFound();
  return incident;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Editor: ${(await load(params)).title}` };
}

export default async function EditorIncidentPage({ params }: Props) {
  const incident = await load(params);
  const published = incident.claims.filter((c) => c.publishedAt).length;
  return (
    <>
      <p className="muted small">
        <Link href="/editor/incidents">Incidents</Link> › {incident.title}
      </p>
      <h1>{incident.title}</h1>
      <p className="claim-meta">
        {published > 0 ? (
          <Link href={`/incidents/${incident.slug}`}>Reader page</Link>
        ) : (
          <span>Not shown to readers until one of its claims is published.</span>
        )}
      </p>
      {/* The form keeps the version a save returns; a reload opens it at the stored values again. */}
      <IncidentForm
        mode="edit"
        incidentId={incident.id}
        version={incident.version}
        initial={{
          title: incident.title,
          date: isoDay(incident.date),
          datePrecision: incident.datePrecision,
          location: incident.location,
          locationPrecision: incident.locationPrecision,
          latitude: incident.latitude === null ? "" : String(incident.latitude),
          longitude: incident.longitude === null ? "" : String(incident.longitude),
          description: incident.description ?? "",
        }}
        action={updateIncidentAction}
      />
      <section aria-labelledby="incident-claims-heading">
        <h2 id="incident-claims-heading">Claims about this incident ({incident.claims.length})</h2>
        {incident.claims.length === 0 ? (
          <p className="empty">No claims yet.</p>
        ) : (
          <ul className="claim-list" data-testid="incident-claim-list">
            {incident.claims.map((c) => (
              <li key={c.id} className="claim-item">
                <p>
                  <Link href={`/editor/claims/${c.id}`}>{c.statement}</Link>
                </p>
                <div className="claim-meta">
                  <StatusBadge status={c.status} kind={c.kind} />
                  <span>{c.claimant.name}</span>
                  <span>{c.publishedAt ? "Published" : "Draft"}</span>
                  <DetachClaimButton incidentId={incident.id} claimId={c.id} action={detachClaimAction} />
                </div>
              </li>
            ))}
          </ul>
        )}
        <AttachClaimForm incidentId={incident.id} action={attachClaimAction} />
      </section>
    </>
  );
}

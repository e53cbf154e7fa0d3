import type { Metadata } from "next";
import Link from "next/link";
import { IncidentForm } from "@/components/editor/incident-form";
import { createIncidentAction } from "./actions";

export const instant = false;
export const metadata: Metadata = { title: "Editor: new incident" };

export default function NewIncidentPage() {
  return (
    <>
      <p className="muted small">
        <Link href="/editor/incidents">Incidents</Link> › New incident
      </p>
      <h1>New incident</h1>
      <p className="lede">
        One event the claims are about. Give the place and the date only as precisely as the sources do; claims are
        attached next, on the incident&apos;s page or from the claim form.
      </p>
      <IncidentForm mode="create" action={createIncidentAction} />
    </>
  );
}

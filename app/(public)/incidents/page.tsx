import type { Metadata } from "next";
import Link from "next/link";
import { IncidentFiltersForm } from "@/components/incidents/incident-filters-form";
import { IncidentMap } from "@/components/incidents/incident-map";
import { IncidentPlace } from "@/components/incidents/incident-place";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { Pagination } from "@/components/ui/pagination";
import { readIncidentList, readIncidentSides } from "@/lib/data/entry-points/reader";
import { countOf } from "@/lib/domain/format";
import { toMapIncident } from "@/lib/map/map-incident";
import { incidentFiltersToSearch, parseIncidentFilters } from "@/lib/validation/incident-filters";

// /incidents: newest first, filtered by the address (a plain GET form, whole without JavaScript). Rendered per
// request on cached data (readIncidentList is cached by its filters and expired with every reader write), like the
// /claims search; docs/decisions/0026-incidents.md says why it is not kept in the page cache as a whole.
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { filters } = parseIncidentFilters(await searchParams);
  return { title: "Incidents", alternates: { canonical: `/incidents${incidentFiltersToSearch(filters)}` } };
}

export default async function IncidentsPage({ searchParams }: Props) {
  const { filters, issues } = parseIncidentFilters(await searchParams);
  const [result, sides] = await Promise.all([readIncidentList(filters), readIncidentSides()]);
  return (
    <>
      <h1>Incidents</h1>
      <p className="lede">
        Strikes and attacks the claims are about: when and where each happened, as precisely as that is known, and what
        every party says about it.
      </p>
      <IncidentFiltersForm filters={filters} sides={sides} />
      <IgnoredParams issues={issues} />
      {result.total > 0 ? (
        <IncidentMap
          incidents={result.incidents.map(toMapIncident)}
          title="Where the incidents on this page happened"
        />
      ) : null}
      <p aria-live="polite" data-testid="incident-count">
        {result.total === 0 ? "No incidents match these filters." : countOf(result.total, "incident")}
      </p>
      {result.total === 0 ? (
        <div className="empty">
          <Link href="/incidents">Show all incidents</Link>
        </div>
      ) : (
        <>
          <h2 className="visually-hidden">Results</h2>
          <ol className="claim-list" aria-label="Incidents" data-testid="incident-list">
            {result.incidents.map((incident) => (
              <li key={incident.slug} className="claim-item">
                <h3>
                  <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
                </h3>
                <div className="claim-meta">
                  <IncidentPlace incident={incident} coordinates={false} />
                  <span>{countOf(incident.claimCount, "published claim")}</span>
                  <span>Claims by {incident.claimants.join(", ")}</span>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/incidents${incidentFiltersToSearch({ ...filters, page })}`}
      />
    </>
  );
}

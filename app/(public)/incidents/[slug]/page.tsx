import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimDate } from "@/components/claims/claim-date";
import { FiguresChart } from "@/components/claims/figures-chart";
import { FiguresTable } from "@/components/claims/figures-table";
import { FollowLink } from "@/components/claims/follow-link";
import { StatusBadge } from "@/components/claims/status-badge";
import { IncidentMap } from "@/components/incidents/incident-map";
import { IncidentPlace } from "@/components/incidents/incident-place";
import { readIncident } from "@/lib/data/entry-points/reader";
import { formatRange, groupFigures, reporterCount } from "@/lib/domain/figures";
import { countOf, formatDateTime } from "@/lib/domain/format";
import { CATEGORY_LABEL, OUTCOME_LABEL, POPULATION_LABEL, sideLabel } from "@/lib/domain/vocabulary";
import { incidentFeedPath } from "@/lib/feed/story-feeds";
import { toMapIncident } from "@/lib/map/map-incident";
import { incidentShareMetadata } from "@/lib/og/incident-card";
import { placeholderSlugParams, slugParam, type SlugParams } from "@/lib/http/slug-param";

// Blocking render, then kept in the page cache like a claim page (docs/decisions/0011-page-cache.md): an unknown
// slug, or an incident with no published claim, gets a real 404 from proxy.ts; the page is whole without JavaScript.
export const instant = false;

type Props = { params: SlugParams };

export function generateStaticParams() {
  return placeholderSlugParams();
}

async function load(params: Props["params"]) {
  const slug = await slugParam(params);
  const incident = await readIncident(slug);
  if (!incident) notFound();
  return incident;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await load(params);
  const share = incidentShareMetadata(incident);
  return {
    title: incident.title,
    openGraph: { type: "article", title: incident.title, ...share.openGraph },
    twitter: { card: "summary_large_image", title: incident.title, ...share.twitter },
    alternates: {
      canonical: `/incidents/${incident.slug}`,
      types: {
        "application/atom+xml": [{ url: incidentFeedPath(incident.slug), title: `Claims about ${incident.title}` }],
      },
    },
  };
}

export default async function IncidentPage({ params }: Props) {
  const incident = await load(params);
  const groups = groupFigures(incident.figures);
  return (
    <article>
      <p className="muted small">
        <Link href="/incidents">Incidents</Link>
      </p>
      <h1>{incident.title}</h1>
      <p className="claim-meta" data-testid="incident-place">
        <IncidentPlace incident={incident} />
      </p>
      {incident.description ? <p className="lede">{incident.description}</p> : null}
      <p className="small muted">Last updated {formatDateTime(incident.lastChanged)}.</p>
      <FollowLink href={incidentFeedPath(incident.slug)} label="Follow this incident (Atom feed)" />
      <IncidentMap incidents={[toMapIncident(incident)]} title={`Where: ${incident.title}`} focusSlug={incident.slug} />

      <section aria-labelledby="figures-heading" data-testid="incident-figures">
        <h2 id="figures-heading">Casualty figures, reporter by reporter</h2>
        {groups.length === 0 ? (
          <p className="empty" data-testid="no-figures">
            No casualty figures in the published claims about this incident.
          </p>
        ) : (
          <>
            <p>
              Each party&apos;s figures are shown as they gave them, side by side. The spread runs from the lowest
              minimum to the highest maximum any reporter gave; we never average them.
            </p>
            <ul data-testid="figure-spreads">
              {groups.map((g) => (
                <li key={`${g.population}/${g.outcome}`}>
                  {POPULATION_LABEL[g.population]} {OUTCOME_LABEL[g.outcome].toLowerCase()}:{" "}
                  <strong>{formatRange(g.spread.min, g.spread.max)}</strong> across{" "}
                  {countOf(reporterCount(g.figures), "reporter")}
                </li>
              ))}
            </ul>
            <FiguresChart figures={incident.figures} />
            <FiguresTable figures={incident.figures} countReporters />
          </>
        )}
      </section>

      <section aria-labelledby="claims-heading" data-testid="incident-claims">
        <h2 id="claims-heading">
          What each party claims <span className="muted">({countOf(incident.claimCount, "published claim")})</span>
        </h2>
        {incident.byClaimant.map(({ claimant, claims }) => (
          <section key={claimant.slug} aria-labelledby={`by-${claimant.slug}`} data-testid="claimant-group">
            <h3 id={`by-${claimant.slug}`}>
              <Link href={`/actors/${claimant.slug}`}>{claimant.name}</Link>{" "}
              <span className="muted small">(side: {sideLabel(claimant.side)})</span>
            </h3>
            <ul className="claim-list">
              {claims.map((claim) => (
                <li key={claim.slug} className="claim-item">
                  <p className="statement-line">
                    <Link href={`/claims/${claim.slug}`}>{claim.statement}</Link>
                  </p>
                  <div className="claim-meta">
                    <StatusBadge status={claim.status} kind={claim.kind} />
                    <span>
                      <ClaimDate at={claim.claimedAt} precision={claim.claimedAtPrecision} />
                    </span>
                    <span className="tag">{CATEGORY_LABEL[claim.category]}</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}

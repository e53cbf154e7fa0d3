import { ClaimDate } from "@/components/claims/claim-date";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimLinks } from "@/components/claims/claim-links";
import { CorrectionRequestForm } from "@/components/claims/correction-request-form";
import { ClaimReviewJsonLd } from "@/components/claims/claim-review-json-ld";
import { FiguresChart } from "@/components/claims/figures-chart";
import { FiguresTable } from "@/components/claims/figures-table";
import { SimilarClaims } from "@/components/claims/similar-claims";
import { SourcesByStance } from "@/components/claims/sources-by-stance";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusTimeline } from "@/components/claims/status-timeline";
import { FollowLink } from "@/components/claims/follow-link";
import { claimFeedLink } from "@/lib/feed/feed-links";
import { claimFeedPath } from "@/lib/feed/story-feeds";
import { claimShareMetadata } from "@/lib/og/claim-share-metadata";
import { readClaim, readSimilarClaims } from "@/lib/data/entry-points/reader";
import { formatDateTime } from "@/lib/domain/format";
import { placeholderSlugParams, slugParam, type SlugParams } from "@/lib/http/slug-param";
import {
  ACTOR_KIND_LABEL,
  sideLabel,
  CATEGORY_LABEL,
  KIND_LABEL,
  STATUS_INFO,
  countryName,
  languageName,
} from "@/lib/domain/vocabulary";

// Blocking render, then kept in the page cache (docs/decisions/0011-page-cache.md): an unknown slug gets a real 404
// status from proxy.ts, and the page is whole without JavaScript.
export const instant = false;

type Props = { params: SlugParams };

// Each URL gets its own page-cache entry on its first request (params are awaited outside any <Suspense>).
export function generateStaticParams() {
  return placeholderSlugParams();
}

async function load(params: Props["params"]) {
  const slug = await slugParam(params);
  const claim = await readClaim(slug);
  if (!claim) notFound();
  return claim;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await load(params);
  const title = claim.statement.length > 90 ? `${claim.statement.slice(0, 89)}…` : claim.statement;
  const share = claimShareMetadata(claim);
  return {
    title,
    alternates: { canonical: `/claims/${claim.slug}`, types: claimFeedLink(claim.slug, claim.statement) },
    openGraph: { type: "article", title, ...share.openGraph },
    twitter: { card: "summary_large_image", title, ...share.twitter },
  };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await load(params);
  const similar = await readSimilarClaims(claim.slug);
  const position = claim.kind === "POSITION";
  const country = countryName(claim.claimant.country);

  return (
    <article>
      <ClaimReviewJsonLd claim={claim} />
      <p className="muted small">
        <Link href="/claims">Claims</Link> · <span className="tag">{CATEGORY_LABEL[claim.category]}</span> ·{" "}
        {KIND_LABEL[claim.kind]}
      </p>
      <h1 className="statement">{claim.statement}</h1>
      <p className="claim-meta">
        <span>
          Claimed by <Link href={`/actors/${claim.claimant.slug}`}>{claim.claimant.name}</Link> (
          {ACTOR_KIND_LABEL[claim.claimant.kind]}
          {country ? `, ${country}` : ""})
        </span>
        <span>Side: {sideLabel(claim.claimant.side)}</span>
        <span>
          {claim.claimedAtPrecision === "UNKNOWN" ? "· " : claim.claimedAtPrecision === "DAY" ? "on " : "in "}
          <ClaimDate at={claim.claimedAt} precision={claim.claimedAtPrecision} />
        </span>
        {claim.location ? <span>· {claim.location}</span> : null}
        {/* The incident is public whenever this published claim is attached to it (docs/decisions/0026-incidents.md). */}
        {claim.incident ? (
          <span>
            · Incident: <Link href={`/incidents/${claim.incident.slug}`}>{claim.incident.title}</Link>
          </span>
        ) : null}
      </p>
      {claim.about.length > 0 ? (
        <p className="claim-meta" data-testid="claim-about">
          <span>
            About:{" "}
            {claim.about.map((a, i) => (
              <span key={a.actor.slug}>
                {i > 0 ? ", " : ""}
                <Link href={`/actors/${a.actor.slug}`}>{a.actor.name}</Link>
              </span>
            ))}
          </span>
        </p>
      ) : null}
      {claim.originalText ? (
        <figure>
          <blockquote
            className="original"
            lang={claim.originalLanguage ?? undefined}
            dir="auto"
            data-testid="original-text"
          >
            {claim.originalText}
          </blockquote>
          <figcaption className="small muted">
            Original wording
            {claim.originalLanguage ? ` (${languageName(claim.originalLanguage) ?? claim.originalLanguage})` : ""}
          </figcaption>
        </figure>
      ) : null}

      <section className="verdict" aria-labelledby="verdict-heading" data-testid="verdict">
        <h2 id="verdict-heading" className="visually-hidden">
          Our verdict
        </h2>
        <p>
          <StatusBadge status={claim.status} kind={claim.kind} />{" "}
          {position ? (
            <span className="muted">A stance, not a checkable fact: we record who holds it and do not rate it.</span>
          ) : (
            <span className="muted">{STATUS_INFO[claim.status].meaning}</span>
          )}
        </p>
        {claim.statusRationale ? <p>{claim.statusRationale}</p> : null}
        <p className="small muted">Last updated {formatDateTime(claim.updatedAt)}.</p>
      </section>

      <div className="two-col">
        <div>
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <SourcesByStance sources={claim.sources} independent={claim.independentSources} />
          </section>

          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">Casualty figures</h2>
            {claim.figures.length === 0 ? (
              <p className="empty" data-testid="no-figures">
                No figures reported.
              </p>
            ) : (
              <>
                <FiguresChart figures={claim.figures} />
                <FiguresTable figures={claim.figures} />
              </>
            )}
          </section>

          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Counter-claims and related claims</h2>
            <ClaimLinks links={claim.links} />
          </section>

          <SimilarClaims claims={similar} />

          <CorrectionRequestForm slug={claim.slug} />
        </div>
        <aside aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Status history</h2>
          <StatusTimeline changes={claim.statusChanges} publishedAt={claim.publishedAt} />
          <FollowLink href={claimFeedPath(claim.slug)} label="Follow this claim (Atom feed)" />
        </aside>
      </div>
    </article>
  );
}

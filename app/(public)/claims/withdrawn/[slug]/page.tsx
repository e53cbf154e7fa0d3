import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowLink } from "@/components/claims/follow-link";
import { StatusBadge } from "@/components/claims/status-badge";
import { claimFeedLink } from "@/lib/feed/feed-links";
import { claimFeedPath } from "@/lib/feed/story-feeds";
import { readWithdrawnClaim } from "@/lib/data/entry-points/reader";
import { formatDateTime } from "@/lib/domain/format";
import { placeholderSlugParams, slugParam, type SlugParams } from "@/lib/http/slug-param";

// What a withdrawn claim's URL shows: proxy.ts rewrites /claims/<slug> here with status 410 Gone
// (docs/decisions/0022-withdrawn-claims-answer-410.md). Kept in the page cache like a claim page, blocking render,
// whole without JavaScript; noindex, so search engines drop the claim while readers who follow an old link learn why.
export const instant = false;

type Props = { params: SlugParams };

export function generateStaticParams() {
  return placeholderSlugParams();
}

async function load(params: Props["params"]) {
  const claim = await readWithdrawnClaim(await slugParam(params));
  if (!claim) notFound();
  return claim;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await load(params);
  const statement = claim.statement.length > 80 ? `${claim.statement.slice(0, 79)}…` : claim.statement;
  // Shown at the claim's own URL with status 410 (proxy.ts), whose feed still answers (docs/api.md, Feeds).
  return {
    title: `Withdrawn: ${statement}`,
    robots: { index: false },
    alternates: { canonical: `/claims/${claim.slug}`, types: claimFeedLink(claim.slug, claim.statement) },
  };
}

export default async function WithdrawnClaimPage({ params }: Props) {
  const claim = await load(params);
  return (
    <article data-testid="withdrawn-claim">
      <p className="muted small">
        <Link href="/claims">Claims</Link> · <span className="tag">Withdrawn</span>
      </p>
      <h1 className="statement">{claim.statement}</h1>
      <p className="claim-meta">
        <span>Claimed by {claim.claimant}</span>
      </p>
      <section aria-labelledby="withdrawal-heading" data-testid="withdrawal">
        <h2 id="withdrawal-heading">We withdrew this fact-check</h2>
        <p>
          Withdrawn on <time dateTime={claim.withdrawnAt.toISOString()}>{formatDateTime(claim.withdrawnAt)}</time>.
          Reason: {claim.reason || "no reason was recorded."}
        </p>
        <p>
          It is no longer one of our published verdicts. We keep this page so that links to it explain what happened;
          every withdrawal is listed with our <Link href="/corrections">corrections</Link>.
        </p>
      </section>
      <section className="verdict" aria-labelledby="last-verdict-heading" data-testid="last-verdict">
        <h2 id="last-verdict-heading">Our last verdict, before the withdrawal</h2>
        <p>
          <StatusBadge status={claim.status} kind={claim.kind} />
        </p>
        {claim.rationale ? <p>{claim.rationale}</p> : null}
      </section>
      <FollowLink href={claimFeedPath(claim.slug)} label="This claim's updates (Atom feed)" />
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimListItem } from "@/components/claims/claim-list-item";
import { FollowLink } from "@/components/claims/follow-link";
import { actorFeedPath } from "@/lib/feed/story-feeds";
import { readActorProfile } from "@/lib/data/entry-points/reader";
import type { ActorProfile } from "@/lib/data/reads/actors";
import { formatCount } from "@/lib/domain/format";
import { placeholderSlugParams, slugParam, type SlugParams } from "@/lib/http/slug-param";
import { ACTOR_KIND_LABEL, countryName, sideLabel } from "@/lib/domain/vocabulary";

export const instant = false;

type Props = { params: SlugParams };

// Each URL gets its own page-cache entry on its first request (params are awaited outside any <Suspense>).
export function generateStaticParams() {
  return placeholderSlugParams();
}

async function load(params: Props["params"]) {
  const slug = await slugParam(params);
  const profile = await readActorProfile(slug);
  if (!profile) notFound();
  return profile;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { actor } = await load(params);
  return {
    title: actor.name,
    alternates: {
      canonical: `/actors/${actor.slug}`,
      types: { "application/atom+xml": [{ url: actorFeedPath(actor.slug), title: `Claims by ${actor.name}` }] },
    },
  };
}

function Section({
  id,
  title,
  empty,
  claims,
  total,
  limit,
  more,
  denials,
  level: Heading = "h3",
}: {
  id: string;
  title: string;
  empty: string;
  claims: ActorProfile["claimed"];
  total: number;
  limit: number;
  /** the list of them all, and its link's text */
  more: { href: string; label: string };
  denials?: boolean;
  level?: "h2" | "h3";
}) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <Heading id={id}>
        {title} <span className="muted">({formatCount(total)})</span>
      </Heading>
      {claims.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="claim-list">
          {claims.map((claim) => (
            <ClaimListItem
              key={claim.slug}
              claim={claim}
              extra={
                denials && claim.linksFrom.length > 0 ? (
                  <span>
                    Denies:{" "}
                    {claim.linksFrom.map((l, i) => (
                      <span key={l.to.slug}>
                        {i > 0 ? "; " : ""}
                        <Link href={`/claims/${l.to.slug}`}>{l.to.statement}</Link> ({l.to.claimant.name})
                      </span>
                    ))}
                  </span>
                ) : null
              }
            />
          ))}
        </ul>
      )}
      {total > limit ? (
        <p>
          Showing {limit} of {formatCount(total)}. <Link href={more.href}>{more.label}</Link>.
        </p>
      ) : null}
    </section>
  );
}

export default async function ActorPage({ params }: Props) {
  const { actor, claimed, denied, positions, about, counts, limit } = await load(params);
  const by = { href: `/claims?actor=${actor.slug}`, label: "See all claims by this actor" };
  const country = countryName(actor.country);
  return (
    <>
      <p className="muted small">
        <Link href="/actors">Actors</Link>
      </p>
      <h1>{actor.name}</h1>
      <p className="claim-meta">
        <span>{ACTOR_KIND_LABEL[actor.kind]}</span>
        {country ? <span>{country}</span> : null}
        <span>Side in the story: {sideLabel(actor.side)}</span>
        {actor.sameAs ? (
          <a href={actor.sameAs} rel="nofollow noopener">
            Reference record
          </a>
        ) : null}
        {actor.synthetic ? <span className="tag synthetic-tag">Synthetic test data</span> : null}
      </p>
      {actor.description ? <p className="lede">{actor.description}</p> : null}
      <FollowLink href={actorFeedPath(actor.slug)} label={`Follow claims by ${actor.name} (Atom feed)`} />
      <section aria-labelledby="claims-by" data-testid="claims-by">
        <h2 id="claims-by">Claims by {actor.name}</h2>
        <Section
          id="claimed"
          title="Claimed"
          empty="No published factual claims."
          claims={claimed}
          total={counts.claimed}
          limit={limit}
          more={by}
        />
        <Section
          id="denied"
          title="Denied"
          empty="No published denials."
          claims={denied}
          total={counts.denied}
          limit={limit}
          more={by}
          denials
        />
        <Section
          id="positions"
          title="Positions held"
          empty="No published positions."
          claims={positions}
          total={counts.positions}
          limit={limit}
          more={by}
        />
      </section>
      <Section
        id="claims-about"
        title={`Claims about ${actor.name}`}
        empty="No published claims are about this actor."
        claims={about}
        total={counts.about}
        limit={limit}
        more={{ href: `/claims?about=${actor.slug}`, label: "See all claims about this actor" }}
        level="h2"
      />
    </>
  );
}

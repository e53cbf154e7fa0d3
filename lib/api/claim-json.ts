import type { ClaimSummary, ReaderClaim } from "@/lib/data/reads/claims";
import { isoClaimDate } from "@/lib/domain/claim-date";
import { claimUrl } from "@/lib/domain/site";
import { POSITION_LABEL, STATUS_INFO } from "@/lib/domain/vocabulary";

// The JSON API's field names. They are a public contract (docs/api.md): add fields, never rename or drop
// one. Dates are ISO 8601 in UTC; a value not known is null, never left out.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function verdict(claim: Pick<ClaimSummary, "kind" | "status">) {
  const position = claim.kind === "POSITION";
  return {
    status: claim.status,
    statusLabel: position ? POSITION_LABEL : STATUS_INFO[claim.status].label,
    /** ClaimReview rating, 1 worst … 5 best; null for positions and claims without a final verdict */
    rating: position ? null : STATUS_INFO[claim.status].rating,
  };
}

export function toApiClaim(claim: ClaimSummary) {
  return {
    slug: claim.slug,
    url: claimUrl(claim.slug),
    statement: claim.statement,
    originalText: claim.originalText,
    originalLanguage: claim.originalLanguage,
    category: claim.category,
    kind: claim.kind,
    ...verdict(claim),
    statusRationale: claim.statusRationale,
    claimant: {
      slug: claim.claimant.slug,
      name: claim.claimant.name,
      country: claim.claimant.country,
      // The actor's side in the story; null: none or independent (docs/decisions/0019-actor-sides.md).
      side: claim.claimant.side,
    },
    // The actors the claim is about besides its claimant, by name (docs/decisions/0029-claims-about-actors.md).
    about: claim.about.map((a) => ({ slug: a.actor.slug, name: a.actor.name })),
    // claimedAt stays the stored day (midnight UTC) for sorting and old clients; what is known of it is in the next
    // two fields (lib/domain/claim-date.ts): for UNKNOWN, claimedAt is the day the claim was recorded.
    claimedAt: iso(claim.claimedAt),
    claimedAtPrecision: claim.claimedAtPrecision,
    claimedAtKnown: isoClaimDate(claim.claimedAt, claim.claimedAtPrecision),
    location: claim.location,
    updatedAt: iso(claim.updatedAt),
  };
}
export type ApiClaim = ReturnType<typeof toApiClaim>;

/** One claim with its evidence, as the reader page shows it: protected sources are withheld in the data layer. */
export function toApiClaimDetail(claim: ReaderClaim) {
  return {
    ...toApiClaim(claim),
    claimant: {
      slug: claim.claimant.slug,
      name: claim.claimant.name,
      kind: claim.claimant.kind,
      country: claim.claimant.country,
      side: claim.claimant.side,
      sameAs: claim.claimant.sameAs,
    },
    publishedAt: iso(claim.publishedAt),
    incident: claim.incident
      ? {
          slug: claim.incident.slug,
          title: claim.incident.title,
          // As the claim's own date: what is known of the day, never a recorded day passed off as the incident's.
          date: iso(claim.incident.date),
          datePrecision: claim.incident.datePrecision,
          dateKnown: isoClaimDate(claim.incident.date, claim.incident.datePrecision),
          location: claim.incident.location,
          locationPrecision: claim.incident.locationPrecision,
        }
      : null,
    independentSources: claim.independentSources,
    sources: claim.sources.map((s) =>
      s.withheld
        ? {
            stance: s.stance,
            type: s.type,
            // Kept as null (the field is part of the contract): a protected source's date is withheld too.
            publishedAt: null,
            note: s.note,
            withheld: true,
            withheldReason: s.reason,
          }
        : {
            stance: s.stance,
            type: s.type,
            publishedAt: iso(s.publishedAt),
            note: s.note,
            withheld: false,
            title: s.title,
            publisher: s.publisher,
            url: s.url,
            archiveUrl: s.archiveUrl,
            derivedFrom: s.derivedFrom,
          },
    ),
    figures: claim.figures.map((f) => ({
      population: f.population,
      outcome: f.outcome,
      min: f.min,
      max: f.max,
      reportedAt: iso(f.reportedAt),
      note: f.note,
      reportedBy: { slug: f.reportedBy.slug, name: f.reportedBy.name },
      source: f.source,
      /** why no source can be named; null when the figure cites one */
      noSourceReason: f.noSourceReason,
    })),
    links: claim.links.map((l) => ({
      direction: l.direction,
      type: l.type,
      note: l.note,
      claim: {
        slug: l.other.slug,
        url: claimUrl(l.other.slug),
        statement: l.other.statement,
        kind: l.other.kind,
        status: l.other.status,
        claimantName: l.other.claimant.name,
      },
    })),
    statusHistory: claim.statusChanges.map((c) => ({
      from: c.from,
      to: c.to,
      rationale: c.rationale,
      isCorrection: c.isCorrection,
      editorName: c.editor?.name ?? null,
      // who proposed the change when it went through review; editorName is then who approved it
      proposedByName: c.proposedBy?.name ?? null,
      at: iso(c.createdAt),
    })),
  };
}

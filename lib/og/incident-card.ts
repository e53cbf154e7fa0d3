import type { Metadata } from "next";
import { formatClaimDate, type DatePrecision } from "@/lib/domain/claim-date";
import { countOf } from "@/lib/domain/format";
import { LOCATION_PRECISION_LABEL, type LocationPrecision } from "@/lib/domain/incident-place";
import { absoluteUrl, publisher } from "@/lib/domain/site";
import { STATUS_COLOR } from "@/lib/og/claim-card";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, type ShareCard } from "@/lib/og/share-card-type";

// What an incident's share card says and the page's Open Graph and Twitter fields
// (app/(public)/incidents/[slug]/page.tsx), like a claim's (lib/og/claim-share-metadata.ts): no verdict of its own,
// so the badge says how many published claims are about it.

export type CardIncident = {
  slug: string;
  title: string;
  date: Date;
  datePrecision: DatePrecision;
  location: string;
  locationPrecision: LocationPrecision;
  claimCount: number;
  lastChanged: Date;
};

export function incidentShareCardPath(slug: string): string {
  return `/incidents/${slug}/share-card.png`;
}

export function incidentShareCard(incident: CardIncident, publisherName: string): ShareCard {
  return {
    kicker: `Incident · ${formatClaimDate(incident.date, incident.datePrecision)}`,
    title: incident.title,
    byline: `${incident.location} (${LOCATION_PRECISION_LABEL[incident.locationPrecision].toLowerCase()})`,
    badge: { label: countOf(incident.claimCount, "claim"), color: STATUS_COLOR.IN_REVIEW },
    publisher: publisherName,
  };
}

export function incidentShareMetadata(incident: CardIncident): {
  openGraph: NonNullable<Metadata["openGraph"]>;
  twitter: NonNullable<Metadata["twitter"]>;
} {
  const image = {
    url: absoluteUrl(`${incidentShareCardPath(incident.slug)}?v=${incident.lastChanged.getTime().toString(36)}`),
    ...SHARE_CARD_SIZE,
    alt: `Incident: ${incident.title} — ${incident.location}, ${countOf(incident.claimCount, "published claim")}`,
    type: SHARE_CARD_TYPE,
  };
  const description = `${formatClaimDate(incident.date, incident.datePrecision)}, ${incident.location}: what every party says about it, with each reporter's casualty figures side by side.`;
  return {
    openGraph: {
      description,
      url: absoluteUrl(`/incidents/${incident.slug}`),
      siteName: publisher().name,
      images: [image],
    },
    twitter: { description, images: [image] },
  };
}

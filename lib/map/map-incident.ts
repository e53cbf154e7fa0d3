// What the incident map draws and lists (components/incidents/incident-map.tsx): the incidents it is given, which of
// them can be placed, and how each is described in the list beside the drawing. Pure, so the page-independent rules
// are unit-tested (tests/incident-map.test.ts).

import { LOCATION_PRECISIONS, type LocationPrecision } from "@/lib/domain/incident-place";

// The precisions themselves live with the incident rules (lib/domain/incident-place.ts); the map only draws them.
export { LOCATION_PRECISIONS, type LocationPrecision };

export type MapIncident = {
  slug: string;
  title: string;
  latitude: number | null;
  longitude: number | null;
  precision: LocationPrecision;
  href: string;
};

/** An incident as the reader pages read it (lib/data/reads/incidents.ts), as the map takes it. */
export function toMapIncident(incident: {
  slug: string;
  title: string;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision;
}): MapIncident {
  const { slug, title, latitude, longitude, locationPrecision } = incident;
  return { slug, title, latitude, longitude, precision: locationPrecision, href: `/incidents/${slug}` };
}

/** The legend's and the list's short words ("place known to the district"). */
export const PRECISION_LABEL: Record<LocationPrecision, string> = {
  TOWN: "town",
  DISTRICT: "district",
  PROVINCE: "province",
  COUNTRY: "country",
};

export type PlacedIncident = MapIncident & { latitude: number; longitude: number };
export type UnplacedIncident = { incident: MapIncident; reason: string };

export const NO_COORDINATES = "no coordinates recorded";
export const OUT_OF_RANGE = "coordinates out of range";

/** Splits incidents into those that can be drawn and those listed as "not on the map" with the reason. */
export function placeIncidents(incidents: MapIncident[]): { placed: PlacedIncident[]; unplaced: UnplacedIncident[] } {
  const placed: PlacedIncident[] = [];
  const unplaced: UnplacedIncident[] = [];
  for (const incident of incidents) {
    const { latitude, longitude } = incident;
    if (latitude === null || longitude === null) {
      unplaced.push({ incident, reason: NO_COORDINATES });
    } else if (!isLatitude(latitude) || !isLongitude(longitude)) {
      unplaced.push({ incident, reason: OUT_OF_RANGE });
    } else {
      placed.push({ ...incident, latitude, longitude });
    }
  }
  return { placed, unplaced };
}

function isLatitude(value: number): boolean {
  return Number.isFinite(value) && value >= -90 && value <= 90;
}

function isLongitude(value: number): boolean {
  return Number.isFinite(value) && value >= -180 && value <= 180;
}

/** "34.53° N, 69.17° E": two decimals are about a kilometre, finer than any precision the desk records. */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(2)}° ${latitude < 0 ? "S" : "N"}`;
  const lon = `${Math.abs(longitude).toFixed(2)}° ${longitude < 0 ? "W" : "E"}`;
  return `${lat}, ${lon}`;
}

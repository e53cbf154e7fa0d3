import { LocationPrecision } from "@/generated/prisma/enums";

// Where an incident happened and how precisely that is known: the one home of the rule for the editor's schema
// (lib/validation/incident.ts), the import, the seed and the pages (docs/decisions/0026-incidents.md). Client-safe.

export { LocationPrecision };
export const LOCATION_PRECISIONS = Object.values(LocationPrecision);

/** From the most to the least precise; a mark on a map grows with it. */
export const LOCATION_PRECISION_LABEL: Record<LocationPrecision, string> = {
  TOWN: "Town or village",
  DISTRICT: "District",
  PROVINCE: "Province",
  COUNTRY: "Country or region only",
};

/** The old numeric geoPrecision of files exported before incidents had a precision in words. */
export const LEGACY_GEO_PRECISION: Record<number, LocationPrecision> = { 1: "TOWN", 2: "DISTRICT", 3: "PROVINCE" };

export const LATITUDE = { min: -90, max: 90, label: "Latitude" } as const;
export const LONGITUDE = { min: -180, max: 180, label: "Longitude" } as const;

export type CoordinateProblem = { field: "latitude" | "longitude"; message: string };

/**
 * Coordinates are optional, but both or neither, each a finite number within its range. [] when fine. A value given
 * but not a number counts as given (its own field says what is wrong with it). The database's CHECKs
 * (prisma/migrations/20261201210000_incidents) stay as the last guard.
 */
export function coordinateProblems(latitude: unknown, longitude: unknown) {
  const problems: CoordinateProblem[] = [];
  const has = (v: unknown) => v !== null && v !== undefined && v !== "";
  for (const [field, value, range] of [
    ["latitude", latitude, LATITUDE],
    ["longitude", longitude, LONGITUDE],
  ] as const) {
    if (typeof value !== "number") continue;
    if (!Number.isFinite(value) || value < range.min || value > range.max)
      problems.push({ field, message: `${range.label} must be a number from ${range.min} to ${range.max}.` });
  }
  if (has(latitude) && !has(longitude))
    problems.push({ field: "longitude", message: "Enter the longitude too, or clear the latitude." });
  if (has(longitude) && !has(latitude))
    problems.push({ field: "latitude", message: "Enter the latitude too, or clear the longitude." });
  return problems;
}

/** "34.5000° N, 69.1833° E": readable both ways round, never a bare pair a reader must decode. */
export function formatCoordinates(latitude: number, longitude: number): string {
  const fmt = (v: number) => Math.abs(v).toFixed(4);
  return `${fmt(latitude)}° ${latitude >= 0 ? "N" : "S"}, ${fmt(longitude)}° ${longitude >= 0 ? "E" : "W"}`;
}

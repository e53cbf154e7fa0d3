import { ClaimDate } from "@/components/claims/claim-date";
import type { DatePrecision } from "@/lib/domain/claim-date";
import { LOCATION_PRECISION_LABEL, formatCoordinates, type LocationPrecision } from "@/lib/domain/incident-place";

type Place = {
  date: Date;
  datePrecision: DatePrecision;
  location: string;
  locationPrecision: LocationPrecision;
  latitude: number | null;
  longitude: number | null;
};

/** When and where an incident happened, each with how precisely it is known (docs/decisions/0026-incidents.md). */
export function IncidentPlace({ incident, coordinates = true }: { incident: Place; coordinates?: boolean }) {
  const { latitude, longitude } = incident;
  return (
    <>
      <span>
        When: <ClaimDate at={incident.date} precision={incident.datePrecision} />
      </span>
      <span>
        Where: {incident.location}{" "}
        <span className="muted">(known to: {LOCATION_PRECISION_LABEL[incident.locationPrecision].toLowerCase()})</span>
      </span>
      {coordinates && latitude !== null && longitude !== null ? (
        <span data-testid="coordinates">Coordinates: {formatCoordinates(latitude, longitude)}</span>
      ) : null}
    </>
  );
}

import { formatClaimDate, isoClaimDate, type DatePrecision } from "@/lib/domain/claim-date";

/**
 * A claim's date as precisely as it is known (lib/domain/claim-date.ts): "20 Nov 2026", "November 2026", "2026", or
 * "date not given by the source; recorded 1 Dec 2026", where the <time> is only the day it was recorded.
 */
export function ClaimDate({ at, precision }: { at: Date; precision: DatePrecision }) {
  const iso = isoClaimDate(at, precision);
  if (iso) return <time dateTime={iso}>{formatClaimDate(at, precision)}</time>;
  return <span data-precision="unknown">{formatClaimDate(at, precision)}</span>;
}

import { DatePrecision } from "@/generated/prisma/enums";

// A claim's date and how precisely it is known (Claim.claimedAtPrecision): the one home of the rule (what is stored
// for each precision, how it reads, which days are too late) for the form's schema, the writes, the import and
// export, the API, ClaimReview and every page (docs/decisions/0024-date-precision.md). Client-safe.

export { DatePrecision };
export const DATE_PRECISIONS = Object.values(DatePrecision);

/** The choices of the claim form's precision select. */
export const PRECISION_LABEL: Record<DatePrecision, string> = {
  DAY: "Exact day",
  MONTH: "Month only",
  YEAR: "Year only",
  UNKNOWN: "Not given by the source",
};

const DAY_MS = 86_400_000;

/**
 * The day stored for a date of that precision: the 1st of the month for MONTH, 1 January for YEAR, the day itself
 * for DAY and for UNKNOWN (then it is the day the claim was recorded, not a day anyone claimed it). Always midnight
 * UTC, so sorting by claimedAt stays meaningful.
 */
export function normaliseClaimDate(day: Date, precision: DatePrecision): Date {
  const y = day.getUTCFullYear();
  if (precision === "YEAR") return new Date(Date.UTC(y, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(y, day.getUTCMonth(), 1));
  return new Date(Date.UTC(y, day.getUTCMonth(), day.getUTCDate()));
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "20 Nov 2026", "November 2026", "2026", or "date not given by the source; recorded 1 Dec 2026". */
export function formatClaimDate(day: Date, precision: DatePrecision): string {
  switch (precision) {
    case "DAY":
      return dayFormat.format(day);
    case "MONTH":
      return monthFormat.format(day);
    case "YEAR":
      return String(day.getUTCFullYear());
    case "UNKNOWN":
      return `date not given by the source; recorded ${dayFormat.format(day)}`;
  }
}

/**
 * What a machine may be told of the date, as ISO 8601: "2026-11-20", "2026-11", "2026"; null when the source gives
 * none (the stored day is then only when it was recorded).
 */
export function isoClaimDate(day: Date, precision: DatePrecision): string | null {
  const iso = day.toISOString();
  if (precision === "DAY") return iso.slice(0, 10);
  if (precision === "MONTH") return iso.slice(0, 7);
  if (precision === "YEAR") return iso.slice(0, 4);
  return null;
}

/**
 * The latest day a claim may carry: today in UTC plus one day of slack, so an editor east of UTC (Kabul is UTC+4:30)
 * can enter their own today before UTC midnight.
 */
export function latestClaimDay(now: Date = new Date()): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day later than latestClaimDay: a claim cannot have been made in the future. */
export function isFutureDay(day: string, now: Date = new Date()): boolean {
  return day > latestClaimDay(now);
}

export const FUTURE_DATE_MESSAGE =
  "Date claimed cannot be later than today (UTC). For a claim made on an unknown day, choose the precision " +
  "“Not given by the source” and enter today.";

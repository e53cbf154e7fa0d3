// Dates are shown in UTC with the day spelled out, so every reader and the server agree on what they see.
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatDay = (d: Date) => dayFormat.format(d);
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const formatCount = (n: number) => new Intl.NumberFormat("en").format(n);

/**
 * A count with its noun in the right number: "1 correction", "2 corrections", "0 claims match". `plural` is for
 * nouns that do not just take an "s" ("1 claim matches", "3 claims match").
 */
export const countOf = (n: number, singular: string, plural = `${singular}s`) =>
  `${formatCount(n)} ${n === 1 ? singular : plural}`;

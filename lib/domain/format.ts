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

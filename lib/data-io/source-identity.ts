// How a source is recognised again, since it has no unique column: by its url, or without one by title and
// publisher (the rule of prisma/upserts.ts upsertSource). Used when importing to pair file and database sources.
export function sourceIdentity(s: { url: string | null; title: string; publisher: string | null }): string {
  return s.url ? `url ${s.url}` : `title ${s.title}\u0000${s.publisher ?? ""}`;
}

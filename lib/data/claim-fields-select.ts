// A claim's own stored fields, without relations: the set that the editor, the import, the export and the seed's
// factories read to show, compare or copy a claim. One list, so a new column reaches all of them.
export const claimFieldsSelect = {
  id: true,
  slug: true,
  statement: true,
  originalText: true,
  originalLanguage: true,
  category: true,
  kind: true,
  claimantId: true,
  claimedAt: true,
  location: true,
  incidentId: true,
  status: true,
  statusRationale: true,
  publishedAt: true,
  synthetic: true,
} as const;

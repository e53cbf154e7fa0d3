// Words too common to say two claims are alike. Client-safe: the editor's form uses it to decide when to look up
// duplicates. Only words of 3+ characters are listed: shorter ones are dropped anyway (lib/domain/similar-terms.ts).

const ENGLISH = `
about above according across after again against all also although among and another any are around because been
before being below between both but can cannot could did does doing down during each either even ever every few
for from further had has have having her here hers herself him himself his how however into its itself just least
less more most much must near neither nor not now off once only other our ours ourselves out over own per same
she should since some such than that the their theirs them themselves then there these they this those though
through thus too under until upon very was were what when where whether which while who whom whose why will with
within without would yet you your yours yourself
`;

// Newsroom wording: nearly every claim "says" or "claims" something, so these say nothing about what was claimed.
const REPORTING = `
say says said saying claim claims claimed claiming state states stated statement told tell tells allege alleges
alleged allegedly reportedly according announce announced announces
`;

// Common function words of the claims' original languages (Pashto, Dari/Persian, Urdu) with 3+ letters.
const ORIGINAL_LANGUAGES = `
باندې لپاره سره دغه هغه شوي شوې شول کړي کوي وايي ويلي دلته
این آن است برای شده بود گفت گفته های
اور میں ہیں تھا تھے تھی کیا گیا گئے لیے ساتھ بھی نہیں کہا والے کوئی
`;

/** The same folding as the search index (unicode61, remove_diacritics 2): case and combining marks. */
export function foldWord(word: string): string {
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, REPORTING, ORIGINAL_LANGUAGES].flatMap((list) => list.split(/\s+/).filter(Boolean).map(foldWord)),
);

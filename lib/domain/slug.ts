// Readable slugs from free text. Client-safe: the claim form previews the slug it will get.

export const SLUG_MAX = 80;

/** Apostrophes inside a word (straight, curly, modifier letter): "Afghanistan's" is one word, not "afghanistan-s". */
const APOSTROPHES = /(?<=[\p{L}\p{N}])['\u2018\u2019\u02bc\u02bb](?=[\p{L}\p{N}])/gu;

/**
 * Lower-case ASCII words joined by single hyphens; "" when the text has no Latin letters or digits. A slug longer
 * than `max` ends at the last whole word that fits; only a single word longer than `max` is cut. Slugs are made
 * once, when a claim or actor is created: a rule changed here never renames an existing one.
 */
export function slugify(text: string, max = SLUG_MAX): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents come apart under NFKD; drop the marks, keep the letters
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  if (words[max] === "-") return cut; // the limit falls between two words
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
}

/** `base`, or `base-2`, `base-3`, … : the first one not in `taken`. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

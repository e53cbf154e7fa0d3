// Readable slugs from free text. Client-safe: the claim form previews the slug it will get.

export const SLUG_MAX = 80;

/** Lower-case ASCII words joined by single hyphens; "" when the text has no Latin letters or digits. */
export function slugify(text: string, max = SLUG_MAX): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents come apart under NFKD; drop the marks, keep the letters
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  // End on a whole word when one ends reasonably close to the limit.
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
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

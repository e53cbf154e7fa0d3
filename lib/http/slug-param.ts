import { notFound } from "next/navigation";
import { slugPattern } from "@/lib/validation/claim-filters";

export type SlugParams = Promise<{ slug: string }>;

/** The [slug] of a reader URL, or the 404 page for anything that cannot be a slug (odd characters, too long). */
export async function slugParam(params: SlugParams): Promise<string> {
  const { slug } = await params;
  if (slug.length > 200 || !slugPattern.test(slug)) notFound();
  return slug;
}

/**
 * For generateStaticParams of the [slug] reader pages. With Cache Components it must return at least one value;
 * this one fails slugPattern, so its page calls notFound() before any read and the build never reads claims or
 * actors. Real slugs are rendered on their first request and then served from the page cache
 * (docs/decisions/0011-page-cache.md).
 */
export function placeholderSlugParams(): { slug: string }[] {
  return [{ slug: "-" }];
}

import { notFound } from "next/navigation";
import { slugPattern } from "@/lib/validation/claim-filters";

export type SlugParams = Promise<{ slug: string }>;

/** The [slug] of a reader URL, or the 404 page for anything that cannot be a slug (odd characters, too long). */
export async function slugParam(params: SlugParams): Promise<string> {
  const { slug } = await params;
  if (slug.length > 200 || !slugPattern.test(slug)) notFound();
  return slug;
}

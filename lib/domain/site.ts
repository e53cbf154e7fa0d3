import { env } from "@/lib/env";

// Absolute addresses for what leaves the site (API, feed, structured data): always from SITE_URL, never from the
// request's Host header, which a client controls.

export function absoluteUrl(path: string): string {
  return new URL(path, env().SITE_URL).toString();
}

export const claimUrl = (slug: string) => absoluteUrl(`/claims/${slug}`);

export function publisher(): { name: string; url: string } {
  return { name: env().PUBLISHER_NAME, url: absoluteUrl("/") };
}

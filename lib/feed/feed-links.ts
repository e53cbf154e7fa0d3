import type { Metadata } from "next";
import { claimFeedPath } from "@/lib/feed/story-feeds";

/** A claim page's `<link rel="alternate">` to its own feed (metadata `alternates.types`). */
export function claimFeedLink(slug: string, statement: string): NonNullable<Metadata["alternates"]>["types"] {
  return { "application/atom+xml": [{ url: claimFeedPath(slug), title: `Updates: ${statement.slice(0, 80)}` }] };
}

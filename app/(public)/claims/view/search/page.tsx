import type { Metadata } from "next";
import { ClaimListPage } from "@/components/claims/claim-list-page";
import { claimsCanonical } from "@/lib/http/claims-view";

// /claims with search words (q) or with a value the list ignores, as proxy.ts shows it (lib/http/claims-view.ts):
// rendered per request, in full (a blocking render gives complete HTML that works without JavaScript), on cached
// data. Every other /claims request is shown through app/(public)/claims/view/[filters]/page.tsx, which the page
// cache keeps. /claims itself has no page of its own: Next kept its own Cache-Control on a page reached by a
// rewrite from a dynamic page, so the proxy rewrites every /claims request.
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Search results are not indexed; the canonical link still names the search as the reader's URL shows it.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: "Claims", robots: { index: false }, alternates: { canonical: claimsCanonical(await searchParams) } };
}

export default async function ClaimsPage({ searchParams }: Props) {
  return <ClaimListPage params={await searchParams} />;
}

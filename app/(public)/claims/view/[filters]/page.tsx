import type { Metadata } from "next";
import { ClaimListPage } from "@/components/claims/claim-list-page";
import { claimsCanonical, viewParams } from "@/lib/http/claims-view";

// /claims?status=DISPUTED and every other list without search words, as proxy.ts shows it (lib/http/claims-view.ts):
// the filters are in the path, so each combination is kept in the page cache on its first request and expired with
// every reader page by the editors' writes (docs/decisions/0011-page-cache.md). Readers never see this URL. It is
// not refused when asked for directly: Next revalidates a cached page by requesting its own path through proxy.ts,
// and a refusal there would be cached as the page. Its canonical link names the reader's URL, and robots.txt keeps
// crawlers out of /claims/view/.
export const instant = false;

type Props = { params: Promise<{ filters: string }> };

// Canonical: the list as the reader's URL shows it, with its filters in one order (lib/http/claims-view.ts).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: "Claims", alternates: { canonical: claimsCanonical(viewParams((await params).filters)) } };
}

// Cache Components needs one value here: the build prerenders the unfiltered list.
export function generateStaticParams() {
  return [{ filters: "all" }];
}

export default async function ClaimsView({ params }: Props) {
  return <ClaimListPage params={viewParams((await params).filters)} />;
}

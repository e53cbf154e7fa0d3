import type { Metadata } from "next";

// `npm run bench`'s baseline (scripts/bench.ts): a page of the same build with no data and no request-time work,
// so the ratio of every other page to it says how close that page is to static speed on the same machine. Linked
// from nowhere and not indexed.
export const metadata: Metadata = { title: "Baseline", robots: { index: false, follow: false } };

export default function BenchBaselinePage() {
  return <p>Claimwatch benchmark baseline.</p>;
}

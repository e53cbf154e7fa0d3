import type { Metadata } from "next";
import { CorrectionsList } from "@/components/claims/corrections-list";

// Page 1, prerendered by the build and kept in the page cache until a write changes it; further pages are
// /corrections/page/[page] (docs/decisions/0011-page-cache.md).
export const instant = false;
export const metadata: Metadata = { title: "Corrections", alternates: { canonical: "/corrections" } };

export default function CorrectionsPage() {
  return <CorrectionsList page={1} issue={null} />;
}

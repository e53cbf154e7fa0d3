import type { Metadata } from "next";
import { CorrectionsList } from "@/components/claims/corrections-list";
import { parseCorrectionsPage } from "@/lib/http/corrections-page";

// Pages 2 and on of the corrections list, each kept in the page cache on its first request like a claim page
// (docs/decisions/0011-page-cache.md). Old /corrections?page=N links are redirected here by proxy.ts. A value that
// is not a page number shows page 1 with a notice, as ?page= did; past the last page the list says so.
export const instant = false;

type Props = { params: Promise<{ page: string }> };

// Cache Components needs one value here; the build prerenders page 2 (it reads the database, like /).
export function generateStaticParams() {
  return [{ page: "2" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page, issue } = parseCorrectionsPage((await params).page);
  const first = issue || page === 1;
  return {
    title: first ? "Corrections" : `Corrections, page ${page}`,
    alternates: { canonical: first ? "/corrections" : `/corrections/page/${page}` },
  };
}

export default async function CorrectionsPageN({ params }: Props) {
  return <CorrectionsList {...parseCorrectionsPage((await params).page)} />;
}

import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main">
        <h1>Page not found</h1>
        <p className="lede">
          There is no published page at this address. It may be a draft, or the link may be mistyped.
        </p>
        <p>
          <Link href="/claims">Browse all claims</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}

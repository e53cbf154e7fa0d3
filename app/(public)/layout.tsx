import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { env } from "@/lib/env";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {/* React places <link> in <head>; relative, so it stays right on any host (no metadataBase needed). */}
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`${env().PUBLISHER_NAME}: status changes`}
        href="/feed.xml"
      />
      <SiteHeader />
      <main id="main">{children}</main>
      <SiteFooter />
    </>
  );
}

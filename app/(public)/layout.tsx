import { SiteFooter } from "@/components/layout/site-footer";
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
      {/* Header and <main> come from each section's layout, which knows which nav link to mark (components/layout/reader-frame.tsx). */}
      {children}
      <SiteFooter />
    </>
  );
}

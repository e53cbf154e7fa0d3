import type { Metadata } from "next";
import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { FORBIDDEN } from "@/lib/http/forbidden-page";

export const metadata: Metadata = { title: "Not allowed" };

/**
 * The 403 page of forbidden() (lib/auth/session.ts requireRole). A plain page load by an editor is answered earlier by
 * proxy.ts with the same words and a real 403 status (lib/http/forbidden-page.ts says why).
 */
export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main">
        <h1>{FORBIDDEN.heading}</h1>
        <p className="lede">{FORBIDDEN.lede}</p>
        <p>
          <Link href={FORBIDDEN.back.href}>{FORBIDDEN.back.label}</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}

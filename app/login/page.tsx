import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import { DEFAULT_AFTER_LOGIN, safeNextPath } from "@/lib/validation/login";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Reads the session cookie: rendered per request, in full (docs/decisions/0003-caching.md).
export const instant = false;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw) ?? undefined;
  // Someone already signed in has nothing to do here.
  if (await getCurrentUser()) redirect(next ?? DEFAULT_AFTER_LOGIN);

  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        <h1>Sign in</h1>
        <p className="lede">For Claimwatch editors and admins. Readers need no account.</p>
        <LoginForm next={next} />
      </main>
      <SiteFooter />
    </>
  );
}

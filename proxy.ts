import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { actorExists, claimIdExists, publishedClaimExists } from "@/lib/data/reads/exists";
import { readSession } from "@/lib/auth/read-session";
import { forbiddenHtml } from "@/lib/http/forbidden-page";
import { sessionCookieName } from "@/lib/auth/session-token";
import { slugPattern } from "@/lib/validation/claim-filters";

// A missing claim or actor must answer 404, not a 200 page saying "not found": the status is sent with the first
// byte, so it is decided here, before rendering starts (Next's proxy docs recommend exactly this). The page calls
// notFound() as well, for the moment between this check and its own read.
const MISSING = "/_missing"; // no route lives here, so Next renders app/not-found.tsx with status 404

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/editor") || pathname.startsWith("/admin")) return privateArea(request);
  const match = /^\/(claims|actors)\/([^/]+)\/?$/.exec(request.nextUrl.pathname);
  if (!match) return NextResponse.next();
  const [, kind, rawSlug = ""] = match;
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return NextResponse.rewrite(new URL(MISSING, request.url));
  }
  if (slug.length > 200 || !slugPattern.test(slug)) return NextResponse.rewrite(new URL(MISSING, request.url));
  const client = await db();
  const exists = kind === "claims" ? await publishedClaimExists(client, slug) : await actorExists(client, slug);
  return exists ? NextResponse.next() : NextResponse.rewrite(new URL(MISSING, request.url));
}

/**
 * Convenience only — lib/auth/session.ts is the check. An anonymous visitor, or one whose session has ended, goes straight
 * to /login?next=… with a real redirect (no JavaScript needed); an editor loading an admin page gets a real 403
 * (lib/http/forbidden-page.ts explains why the layout cannot set it). The page learns its own path (layouts are not
 * told it) so that requireUser() can send a visitor back after login. Server Action POSTs are only forwarded:
 * each action answers for itself (authorize()).
 */
async function privateArea(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  const toLogin = () => {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", path);
    return NextResponse.redirect(login);
  };
  const token = request.cookies.get(sessionCookieName())?.value;
  if (!token) return toLogin();
  if (request.method === "GET" || request.method === "HEAD") {
    const client = await db();
    const session = await readSession(client, token);
    if (!session?.open) return toLogin();
    if (pathname.startsWith("/admin") && session.user.role !== "ADMIN") {
      return new NextResponse(request.method === "HEAD" ? null : forbiddenHtml(), {
        status: 403,
        headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" },
      });
    }
    // Signed in only: an anonymous visitor must not learn which claim numbers exist.
    const claimId = /^\/editor\/claims\/([^/]+)\/?$/.exec(pathname)?.[1];
    if (claimId && claimId !== "new" && !(await claimIdExists(client, claimId))) {
      return NextResponse.rewrite(new URL(MISSING, request.url));
    }
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-claimwatch-path", path);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = { matcher: ["/claims/:slug", "/actors/:slug", "/editor/:path*", "/editor", "/admin/:path*", "/admin"] };

import { NextResponse, type NextRequest } from "next/server";
import {
  readActorPageExists,
  readIncidentIdExists,
  readIncidentPageExists,
  readClaimIdExists,
  readClaimPageState,
  readProxySession,
  readUserIdExists,
} from "@/lib/data/entry-points/proxy";
import { env } from "@/lib/env";
import { claimsListPath } from "@/lib/http/claims-view";
import { correctionsQueryTarget } from "@/lib/http/corrections-page";
import { checkActionRequest, isPossibleAction } from "@/lib/http/action-request";
import { forbiddenHtml } from "@/lib/http/forbidden-page";
import {
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  hstsHeader,
  nonceCsp,
  readerCsp,
} from "@/lib/http/response-headers";
import { sessionCookieName } from "@/lib/auth/session-token";
import { slugPattern } from "@/lib/validation/claim-filters";

// A missing claim or actor must answer 404, not a 200 page saying "not found": the status is sent with the first
// byte, so it is decided here, before rendering starts (Next's proxy docs recommend exactly this). The page calls
// notFound() as well, for the moment between this check and its own read.
const MISSING = "/_missing"; // no route lives here, so Next renders app/not-found.tsx with status 404
// A withdrawn claim's URL shows this page with status 410 (docs/decisions/0022-withdrawn-claims-answer-410.md).
const withdrawnPage = (slug: string) => `/claims/withdrawn/${encodeURIComponent(slug)}`;

/** Pages that show the same thing to every visitor: shared caches may keep them (docs/decisions/0011-page-cache.md). */
const READER_PAGE =
  /^\/(?:|claims|claims\/[^/]+|claims\/withdrawn\/[^/]+|actors|actors\/[^/]+|incidents|incidents\/[^/]+|corrections|corrections\/page\/[^/]+|methodology|about|correction-requested)\/?$/;
/** Pages that depend on the session: a nonce-based CSP, and never stored. */
const SIGNED_IN_AREA = /^\/(?:editor|admin|login|logout)(?:\/|$)/;

/**
 * Every response but static files passes here to get its security headers and, for pages, its Cache-Control
 * (a value set here wins over Next's own). API routes and the feed set their own Cache-Control.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodablePath(pathname)) return withHeaders(undecodable(request), readerCsp(), PRIVATE_CACHE_CONTROL);
  if (isPossibleAction(request.method, request.headers) && !pathname.startsWith("/api/")) {
    const refusal = await checkActionRequest(request);
    if (refusal) {
      const response = new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
      return withHeaders(response, readerCsp(), PRIVATE_CACHE_CONTROL);
    }
  }
  if (SIGNED_IN_AREA.test(pathname)) {
    const csp = nonceCsp(btoa(crypto.randomUUID()), process.env.NODE_ENV === "development");
    const response =
      pathname.startsWith("/editor") || pathname.startsWith("/admin")
        ? await privateArea(request, csp)
        : forward(request, csp);
    return withHeaders(response, csp, PRIVATE_CACHE_CONTROL);
  }
  const readable = request.method === "GET" || request.method === "HEAD";
  if (readable && READER_PAGE.test(pathname)) {
    // /claims has no page of its own: a cached view of its filters, or the per-request search (lib/http/claims-view.ts).
    if (/^\/claims\/?$/.test(pathname)) {
      const list = NextResponse.rewrite(new URL(claimsListPath(request.nextUrl.searchParams), request.url));
      return withHeaders(list, readerCsp(), PUBLIC_CACHE_CONTROL);
    }
    const moved = correctionsPageMoved(request);
    // A redirect is never stored (docs/decisions/0011-page-cache.md); a page shown through a rewrite is a reader page.
    if (moved)
      return withHeaders(moved, readerCsp(), moved.status === 200 ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
    const shown = await pageShown(pathname);
    if (shown === "missing") return withHeaders(NextResponse.rewrite(new URL(MISSING, request.url)), readerCsp(), null);
    if (shown !== "page") {
      // Next keeps the status a rewrite is given when the page renders normally: the cached page, sent as 410.
      const gone = NextResponse.rewrite(new URL(withdrawnPage(shown.withdrawn), request.url), { status: 410 });
      return withHeaders(gone, readerCsp(), PUBLIC_CACHE_CONTROL);
    }
    return withHeaders(NextResponse.next(), readerCsp(), PUBLIC_CACHE_CONTROL);
  }
  return withHeaders(NextResponse.next(), readerCsp(), null);
}

/**
 * The corrections list keeps its page number in the path so each page can be cached (lib/http/corrections-page.ts):
 * an old /corrections?page=N link is redirected there for good, a ?page= value that is not a number is shown with
 * its notice through the path form, and /corrections/page/1 is /corrections.
 */
function correctionsPageMoved(request: NextRequest): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  const to = (path: string) => new URL(path, request.url);
  if (/^\/corrections\/page\/1\/?$/.test(pathname)) return NextResponse.redirect(to("/corrections"), 308);
  const value = /^\/corrections\/?$/.test(pathname) ? searchParams.get("page") : null;
  if (value === null) return null;
  const target = correctionsQueryTarget(value);
  return "redirect" in target
    ? NextResponse.redirect(to(target.redirect), 308)
    : NextResponse.rewrite(to(target.rewrite));
}

/** A path with a "%" escape that is not UTF-8 (%zz, a lone %, an encoded surrogate) names nothing here. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The API answers in JSON like its own 404s (lib/api/responses.ts); pages get the 404 page. */
function undecodable(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { message: "This address has a broken %-escape, so it names nothing.", params: [] } },
      { status: 404 },
    );
  }
  return NextResponse.rewrite(new URL(MISSING, request.url));
}

/**
 * What a claim or actor URL shows (the rest of the reader pages always exist): the page, a 404 when it names nothing
 * readers may see (drafts included), or for a withdrawn claim its 410 page. The withdrawn page's own route answers
 * only for a withdrawn claim: Next revalidates a cached page by requesting that path, so it is not refused there.
 */
async function pageShown(pathname: string): Promise<"page" | "missing" | { withdrawn: string }> {
  const match = /^\/(claims|claims\/withdrawn|actors|incidents)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return "page";
  const [, kind, rawSlug = ""] = match;
  let slug: string;
  try {
    slug = decodeURIComponent(rawSlug);
  } catch {
    return "missing";
  }
  if (slug.length > 200 || !slugPattern.test(slug)) return "missing";
  if (kind === "actors") return (await readActorPageExists(slug)) ? "page" : "missing";
  if (kind === "incidents") return (await readIncidentPageExists(slug)) ? "page" : "missing";
  const state = await readClaimPageState(slug);
  if (kind === "claims/withdrawn") return state === "withdrawn" ? "page" : "missing";
  return state === "withdrawn" ? { withdrawn: slug } : state === "published" ? "page" : "missing";
}

function withHeaders(response: NextResponse, csp: string, cacheControl: string | null): NextResponse {
  const headers: Record<string, string> = { ...hstsHeader(env().SITE_URL), "Content-Security-Policy": csp };
  if (cacheControl) headers["Cache-Control"] = cacheControl;
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Next takes the nonce for its own scripts from the CSP header of the request. */
function forward(request: NextRequest, csp: string, extra: Record<string, string> = {}): NextResponse {
  const forwarded = withCsp(request, csp);
  for (const [name, value] of Object.entries(extra)) forwarded.set(name, value);
  return NextResponse.next({ request: { headers: forwarded } });
}

function withCsp(request: NextRequest, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  return headers;
}

/**
 * Convenience only — lib/auth/session.ts is the check. An anonymous visitor, or one whose session has ended, goes straight
 * to /login?next=… with a real redirect (no JavaScript needed); an editor loading an admin page gets a real 403
 * (lib/http/forbidden-page.ts explains why the layout cannot set it). The page learns its own path (layouts are not
 * told it) so that requireUser() can send a visitor back after login. A POST to /admin from a signed-in editor gets
 * the same 403; every other Server Action POST is only forwarded: each action answers for itself (authorize()).
 */
async function privateArea(request: NextRequest, csp: string) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  const toLogin = () => {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", path);
    return NextResponse.redirect(login);
  };
  const token = request.cookies.get(sessionCookieName())?.value;
  if (!token) return toLogin();
  const pageLoad = request.method === "GET" || request.method === "HEAD";
  const adminArea = pathname.startsWith("/admin");
  if (pageLoad || adminArea) {
    const session = await readProxySession(token);
    if (pageLoad && !session?.open) return toLogin();
    // A POST to an admin page (a Server Action or a form) from a signed-in editor is refused here with a real 403
    // as well: the action's own check (lib/actions/run-action.ts) would refuse it too, but inside a 200 response.
    if (adminArea && session?.open && session.user.role !== "ADMIN") return forbidden(request);
  }
  if (pageLoad) {
    // Signed in only: an anonymous visitor must not learn which claim or account numbers exist.
    const claimId = /^\/editor\/claims\/([^/]+)\/?$/.exec(pathname)?.[1];
    const userId = /^\/admin\/users\/([^/]+)\/?$/.exec(pathname)?.[1];
    const incidentId = /^\/editor\/incidents\/([^/]+)\/?$/.exec(pathname)?.[1];
    const missing =
      (claimId !== undefined && claimId !== "new" && !(await readClaimIdExists(claimId))) ||
      (incidentId !== undefined && incidentId !== "new" && !(await readIncidentIdExists(incidentId))) ||
      (userId !== undefined && !(await readUserIdExists(userId)));
    if (missing)
      return NextResponse.rewrite(new URL(MISSING, request.url), { request: { headers: withCsp(request, csp) } });
  }
  return forward(request, csp, { "x-claimwatch-path": path });
}

function forbidden(request: NextRequest): NextResponse {
  return new NextResponse(request.method === "HEAD" ? null : forbiddenHtml(), {
    status: 403,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" },
  });
}

// Everything but build assets (next.config.js gives those their security headers).
// Not the import upload either: the proxy would buffer (and cut) its 50 MB body; the route checks for itself
// (app/admin/import/upload/route.ts).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|admin/import/upload).*)"] };

import { createHash } from "node:crypto";
import type { ApiParamIssue } from "@/lib/api/claim-params";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/response-headers";

// Headers for the public, read-only endpoints: the same as reader pages (docs/decisions/0011-page-cache.md says
// how long a correction may take to reach a reader behind a CDN).
export const CDN_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;
// Public data without cookies: any site may read it.
const CORS = { "Access-Control-Allow-Origin": "*" };

/**
 * JSON with the CDN cache header and an ETag of the body, answering 304 when the client already has it. The ETag
 * is weak because a compressed body has other bytes with the same meaning.
 */
export function cachedJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const headers = { "Cache-Control": CDN_CACHE_CONTROL, ETag: etag, ...CORS };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/**
 * `{ error: { message, params } }`, and for a 410 what was withdrawn (`extra`). A 400 names every bad parameter and is
 * not cached; a 404 or 410 may be cached like data (a claim published later shows within the same bound as
 * everything else).
 */
export function apiError(
  status: 400 | 404 | 410,
  message: string,
  params: ApiParamIssue[] = [],
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { error: { message, params }, ...extra },
    { status, headers: { "Cache-Control": status === 400 ? "no-store" : CDN_CACHE_CONTROL, ...CORS } },
  );
}

import { CDN_CACHE_CONTROL } from "@/lib/api/responses";

// The answers of the Atom routes: the feed, or a plain-text 404 cached like data (a claim published later is
// listed within the same bound as everything else, lib/api/responses.ts).

export function atomResponse(xml: string): Response {
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

export function feedNotFound(what: string): Response {
  return new Response(`There is no ${what} feed here.\n`, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": CDN_CACHE_CONTROL },
  });
}

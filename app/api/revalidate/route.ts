import { createHash, timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { READER_TAG } from "@/lib/data/cache-tags";
import { forgetPublicPages } from "@/lib/data/public-page-memo";
import { env } from "@/lib/env";

// POST /api/revalidate with `Authorization: Bearer <REVALIDATE_SECRET>`: the CLI's way to make a write it made in
// another process (seed, import, restore) visible at once (lib/data/refresh-server-cache.ts). updateTag works only
// inside a Server Action; revalidateTag with expire 0 makes the next request render fresh instead of serving one
// stale page first. Without a configured secret the endpoint does not exist.

const headers = { "Cache-Control": "private, no-store" };

export async function POST(request: Request) {
  const secret = env().REVALIDATE_SECRET;
  if (!secret) return Response.json({ error: { message: "Not found." } }, { status: 404, headers });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, secret)) {
    return Response.json({ error: { message: "Wrong or missing revalidation secret." } }, { status: 401, headers });
  }
  revalidateTag(READER_TAG, { expire: 0 });
  forgetPublicPages();
  return Response.json({ revalidated: [READER_TAG] }, { headers });
}

/** Compares digests, so neither the time taken nor a length mismatch tells anything about the secret. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

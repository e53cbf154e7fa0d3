import { NextResponse, type NextRequest } from "next/server";
import { authorize } from "@/lib/auth/session";
import { readLinkTargets } from "@/lib/data/entry-points/editor";

// GET /editor/claim-search?q=…&exclude=<claim id>: claims an editor can link to, drafts included, for the link
// form's search box. Editors only: drafts are not public.
export async function GET(request: NextRequest) {
  const auth = await authorize("EDITOR");
  if (!auth.ok) return NextResponse.json({ error: auth.formError }, { status: auth.status });
  const params = request.nextUrl.searchParams;
  const q = (params.get("q") ?? "").slice(0, 200);
  const exclude = /^\d{1,9}$/.test(params.get("exclude") ?? "") ? Number(params.get("exclude")) : undefined;
  const results = await readLinkTargets(q, exclude);
  return NextResponse.json({ results }, { headers: { "Cache-Control": "private, no-store" } });
}

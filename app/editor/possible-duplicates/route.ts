import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authorize } from "@/lib/auth/session";
import { readPossibleDuplicates } from "@/lib/data/entry-points/editor";
import { DuplicateQuerySchema } from "@/lib/validation/duplicate-query";

// GET /editor/possible-duplicates?statement=…&exclude=<claim id>: claims worded like a statement being typed, drafts
// included, for the claim form's "Possible duplicate" warning. Editors only: drafts are not public.
export async function GET(request: NextRequest) {
  const auth = await authorize("EDITOR");
  if (!auth.ok) return NextResponse.json({ error: auth.formError }, { status: auth.status });
  const noStore = { "Cache-Control": "private, no-store" };
  const query = DuplicateQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success)
    return NextResponse.json({ error: z.flattenError(query.error).fieldErrors }, { status: 400, headers: noStore });
  const results = await readPossibleDuplicates(query.data.statement, query.data.exclude);
  return NextResponse.json({ results }, { headers: noStore });
}

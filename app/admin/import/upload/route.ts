import { revalidateTag } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/session";
import { READER_TAG } from "@/lib/data/cache-tags";
import { forgetPublicPages } from "@/lib/data/public-page-memo";
import { importUpload, type ImportDone } from "@/lib/data/entry-points/import-upload";
import { originProblem } from "@/lib/http/action-request";
import { forbiddenHtml } from "@/lib/http/forbidden-page";
import { IMPORT_RESULT_CSP, importResultHtml } from "@/lib/http/import-result-page";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { IMPORT_UPLOAD_MAX_BYTES, ImportUploadSchema, importTooLarge } from "@/lib/validation/import";
import { invalid } from "@/lib/actions/result";

// POST /admin/import/upload: the import file, as multipart/form-data (fields `file` and `dryRun`). A route handler,
// not a Server Action, so that Server Actions can keep a 1 MB body limit while this takes 50 MB
// (docs/decisions/0016-small-request-bodies.md). The proxy does not see it (proxy.ts's matcher), so the order of
// checks is all here: Origin → admin session → size while reading → the form's schema → the import → readers'
// cache. The page's script asks for JSON (the one result shape); a form posted without JavaScript gets a page.

/** Room for the multipart envelope around a file of the largest size (boundaries, part headers, the dryRun box). */
const ENVELOPE_BYTES = 64 * 1024;
const NO_STORE = { "Cache-Control": "private, no-store" };

export async function POST(request: Request) {
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (status: number, result: ActionResult<ImportDone>) =>
    json
      ? Response.json(result, { status, headers: NO_STORE })
      : new Response(importResultHtml(result), {
          status,
          headers: {
            ...NO_STORE,
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": IMPORT_RESULT_CSP,
          },
        });
  const refusal = (status: number, formError: string) => answer(status, { ok: false, fieldErrors: {}, formError });

  const origin = originProblem(request.headers);
  if (origin) return refusal(403, origin);
  const auth = await authorize("ADMIN");
  if (!auth.ok) {
    if (json) return refusal(auth.status, auth.formError);
    // A browser without JavaScript: the same answers a page load of /admin/import gets (proxy.ts).
    if (auth.status === 401) return Response.redirect(new URL("/login?next=/admin/import", request.url), 303);
    return new Response(forbiddenHtml(), {
      status: 403,
      headers: {
        ...NO_STORE,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": IMPORT_RESULT_CSP,
      },
    });
  }

  const tooLarge = () => answer(413, { ok: false, fieldErrors: { file: [importTooLarge] }, formError: importTooLarge });
  const body = await readLimitedBody(request, IMPORT_UPLOAD_MAX_BYTES + ENVELOPE_BYTES);
  if (!body.ok) return tooLarge();
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("multipart/form-data")) throw new TypeError("not multipart");
    form = await new Response(body.bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return refusal(400, "The upload did not arrive as a form with a file, so nothing was imported. Try again.");
  }

  const parsed = ImportUploadSchema.safeParse({
    file: form.get("file") ?? undefined,
    dryRun: checkbox(form.get("dryRun")),
  });
  if (!parsed.success) {
    const failure = invalid(parsed.error);
    return failure.fieldErrors.file?.includes(importTooLarge) ? tooLarge() : answer(400, failure);
  }
  const result = await importUpload(parsed.data.file, parsed.data.dryRun);
  // Readers see it on their next request; new claims are no longer remembered as missing (lib/data/public-page-memo.ts).
  if (result.ok && !result.data.dryRun) {
    revalidateTag(READER_TAG, { expire: 0 });
    forgetPublicPages();
  }
  return answer(result.ok ? 200 : 400, result);
}

/** A checkbox posts "on" when ticked and nothing otherwise; the page's script sends "true" or "false". */
function checkbox(value: FormDataEntryValue | null): unknown {
  if (value === null || value === "false") return false;
  if (value === "on" || value === "true") return true;
  return value;
}

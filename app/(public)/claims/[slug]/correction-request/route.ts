import { submitCorrectionRequest } from "@/lib/data/entry-points/correction-requests";
import { RATE_WINDOW_MS, HONEYPOT_FIELD } from "@/lib/domain/correction-request-rules";
import { env } from "@/lib/env";
import { originProblem } from "@/lib/http/action-request";
import { clientIp } from "@/lib/http/client-ip";
import { CORRECTION_REQUEST_PAGE_CSP, correctionRequestRefusedHtml } from "@/lib/http/correction-request-page";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { slugPattern } from "@/lib/validation/claim-filters";
import { CorrectionRequestSchema } from "@/lib/validation/correction-request";

// POST /claims/<slug>/correction-request: the "Request a correction" form of a claim page
// (components/claims/correction-request-form.tsx), posted without JavaScript. A route handler, not a Server Action,
// so the claim page stays in the page cache and a reader needs no script. Checks, in order: the Origin (the proxy
// checks it too), the body size, the honeypot (a filled one is answered as a success and stores nothing), the
// form's schema, then the write, which refuses an unpublished claim and an address over its limit
// (lib/data/writes/correction-requests.ts). A stored request is answered with a 303 to a static thank-you page;
// a refusal with a small page listing every problem, and nothing written.

/** Well above a 5,000-character message in any script, percent-encoded: a bigger body is not a form of ours. */
const BODY_MAX_BYTES = 256 * 1024;
const NO_STORE = { "Cache-Control": "private, no-store" };

type Params = { params: Promise<{ slug: string }> };

function refused(status: number, problems: string[], slug: string | null, extra: Record<string, string> = {}) {
  return new Response(correctionRequestRefusedHtml(problems, slug ? `/claims/${encodeURIComponent(slug)}` : null), {
    status,
    headers: {
      ...NO_STORE,
      ...extra,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": CORRECTION_REQUEST_PAGE_CSP,
    },
  });
}

const received = () => new Response(null, { status: 303, headers: { ...NO_STORE, Location: "/correction-requested" } });

export async function POST(request: Request, { params }: Params) {
  const { slug } = await params;
  const knownSlug = slug.length <= 200 && slugPattern.test(slug) ? slug : null;
  const origin = originProblem(request.headers);
  if (origin) return refused(403, [origin], knownSlug);
  if (!knownSlug) return refused(404, ["There is no published claim at this address."], null);

  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded"))
    return refused(415, ["Send the form from the claim's page."], knownSlug);
  const body = await readLimitedBody(request, BODY_MAX_BYTES);
  if (!body.ok) return refused(413, ["Your message is far too long: it is limited to 5,000 characters."], knownSlug);
  const form = new URLSearchParams(new TextDecoder().decode(body.bytes));

  if ((form.get(HONEYPOT_FIELD) ?? "") !== "") return received();

  const parsed = CorrectionRequestSchema.safeParse({
    name: form.get("name") ?? undefined,
    email: form.get("email") ?? undefined,
    message: form.get("message") ?? "",
  });
  if (!parsed.success)
    return refused(
      422,
      parsed.error.issues.map((i) => i.message),
      knownSlug,
    );

  const stored = await submitCorrectionRequest({
    ...parsed.data,
    slug: knownSlug,
    ip: clientIp(request.headers, env().TRUST_PROXY),
  });
  if (stored.ok) return received();
  if (stored.reason === "notFound") return refused(404, ["There is no published claim at this address."], null);
  if (stored.reason === "busy")
    return refused(503, ["The site is busy and nothing was sent. Please send the form again in a moment."], knownSlug, {
      "Retry-After": "5",
    });
  const minutes = RATE_WINDOW_MS / 60_000;
  return refused(429, [`Too many requests from your address: try again in ${minutes} minutes.`], knownSlug, {
    "Retry-After": String(RATE_WINDOW_MS / 1000),
  });
}

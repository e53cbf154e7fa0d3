// The answer to a "Request a correction" post that was refused (app/(public)/claims/[slug]/correction-request/
// route.ts): a whole HTML page, since the form is posted without JavaScript. Self-contained like the import's result
// page (lib/http/import-result-page.ts): no script, no build-hashed stylesheet, every value escaped.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Nothing runs, nothing loads, only the inline style applies. */
export const CORRECTION_REQUEST_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function correctionRequestRefusedHtml(problems: string[], backHref: string | null): string {
  const items = problems.map((p) => `<li>${escape(p)}</li>`).join("");
  const back = backHref
    ? `<p><a href="${escape(backHref)}">Back to the claim</a> (your browser's Back button keeps what you typed).</p>`
    : `<p><a href="/claims">Back to the claims</a></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your correction request was not sent — Claimwatch</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.4rem}li{color:#8a1c1c}a{color:#0645ad}</style></head>
<body><main><h1>Your correction request was not sent</h1>
<div role="alert"><ul data-testid="correction-request-errors">${items}</ul></div>
${back}</main></body></html>`;
}

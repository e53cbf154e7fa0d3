import {
  CORRECTION_EMAIL_MAX,
  CORRECTION_MESSAGE_MAX,
  CORRECTION_NAME_MAX,
  HONEYPOT_FIELD,
} from "@/lib/domain/correction-request-rules";

/**
 * "Request a correction" on a claim page: a plain form, whole without JavaScript, posted to a route handler of its
 * own (app/(public)/claims/[slug]/correction-request/route.ts) so the claim page itself stays in the page cache.
 * The honeypot field is moved off-screen and hidden from screen readers: people leave it empty, form-filling bots
 * do not.
 */
export function CorrectionRequestForm({ slug }: { slug: string }) {
  return (
    <section aria-labelledby="correction-request-heading" data-testid="correction-request">
      <h2 id="correction-request-heading">Request a correction</h2>
      <p className="muted">
        Something wrong or missing? Tell the editors. Your request is not published; name and email are optional (give
        an email if you would like an answer).
      </p>
      <form
        className="card stack"
        method="post"
        action={`/claims/${encodeURIComponent(slug)}/correction-request`}
        aria-labelledby="correction-request-heading"
      >
        <div className="field">
          <label htmlFor="cr-message">What should be corrected? (required)</label>
          <textarea id="cr-message" name="message" required maxLength={CORRECTION_MESSAGE_MAX} rows={5} />
        </div>
        <div className="field">
          <label htmlFor="cr-name">Your name (optional)</label>
          <input id="cr-name" name="name" autoComplete="name" maxLength={CORRECTION_NAME_MAX} />
        </div>
        <div className="field">
          <label htmlFor="cr-email">Your email (optional)</label>
          <input id="cr-email" name="email" type="email" autoComplete="email" maxLength={CORRECTION_EMAIL_MAX} />
        </div>
        <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: "1px", overflow: "hidden" }}>
          <label htmlFor="cr-website">Leave this field empty</label>
          <input id="cr-website" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Send the request
          </button>
        </div>
      </form>
    </section>
  );
}

import type { Metadata } from "next";
import { StatusBadge } from "@/components/claims/status-badge";
import { readReviewRequired } from "@/lib/data/entry-points/reader";
import { RETRACTION_REASON_MIN } from "@/lib/domain/review-rules";
import { FINAL_RATIONALE_MIN } from "@/lib/domain/verdict";
import { POSITION_LABEL, STATUS_INFO, STATUSES } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Methodology", alternates: { canonical: "/methodology" } };

const RATING_NAME: Record<number, string> = {
  1: "False",
  2: "Misleading",
  3: "Disputed / Unverifiable",
  5: "Confirmed",
};

export default async function MethodologyPage() {
  const reviewRequired = await readReviewRequired();
  return (
    <>
      <h1>Methodology</h1>
      <p className="lede">
        How we decide a verdict, how we count casualties and how we correct ourselves. We apply the same standard to
        every side, show our sources, and publish every change.
      </p>

      <h2 id="statuses">Verification statuses</h2>
      <div className="table-wrap">
        <table data-testid="status-table">
          <caption>What each status means and the rating we publish for it</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Meaning</th>
              <th scope="col">Final verdict</th>
              <th scope="col">ClaimReview rating (1 worst … 5 best)</th>
            </tr>
          </thead>
          <tbody>
            {STATUSES.map((s) => {
              const info = STATUS_INFO[s];
              return (
                <tr key={s}>
                  <th scope="row">
                    <StatusBadge status={s} kind="FACT" />
                  </th>
                  <td>{info.meaning}</td>
                  <td>{info.final ? "Yes" : "No"}</td>
                  <td>{info.rating === null ? "None published" : `${info.rating} “${info.label}”`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        A claim can move to a final status only with a written rationale of at least {FINAL_RATIONALE_MIN} characters
        and at least one linked source. <strong>{POSITION_LABEL}</strong>: a stance such as “the US recognises
        Pakistan&apos;s right to self-defence” is recorded with who holds it, and never rated.
      </p>

      <h2 id="rating">Rating mapping</h2>
      <p>
        Machine-readable fact-check markup (schema.org ClaimReview) carries a rating from 1 (worst) to 5 (best), with
        our status as its name: {Object.entries(RATING_NAME).map(([n, name], i) => `${i ? "; " : ""}${n} = ${name}`)}.
        Claims that are unverified, in review, or positions carry no rating.
      </p>

      <h2 id="sources">Sources</h2>
      <p>
        Every verdict lists its sources, grouped by whether they support the claim, refute it, or give context. A source
        that repeats another (ten outlets quoting one press release) counts once. Where naming a source would put
        someone at risk, we withhold its identity, say so, and give the reason; our editors still see and weigh it.
      </p>

      <h2 id="casualties">Casualty figures</h2>
      <p>
        We keep each figure as its reporter gave it — a single number or a range — and never average them. For each
        group (civilians, security forces, militants; killed or injured) we show every report side by side and the
        spread from the lowest minimum to the highest maximum. A spread is not our estimate.
      </p>

      <h2 id="review">Review by a second editor</h2>
      <p>
        A verdict does not reach readers on one editor&apos;s word. Giving a published claim a final status, changing a
        published final verdict, publishing a claim with a final verdict, and taking a published claim down are each
        proposed by one editor — with the status, the rationale and the sources as they stand — and take effect only
        when a <strong>different</strong> editor approves them. The reviewer may instead send the proposal back with a
        comment, and the proposer may withdraw it. Nothing of a proposal is public until it is approved; approval is
        refused if the claim changed after it was proposed. Each change then shows on the claim&apos;s timeline with who
        proposed it and who approved it. A claim is published only with at least one linked source.
      </p>
      <p data-testid="review-in-force">
        {reviewRequired
          ? "This rule is in force: every such change is reviewed by a second editor."
          : "This rule is currently switched off by the desk's administrator (a one-person desk): changes take effect when their editor makes them, and the timeline names that editor."}
      </p>

      <h2 id="corrections">Corrections policy</h2>
      <p>
        Every status change is kept with its date, editor and rationale, and shown on the claim&apos;s page. When we
        move a claim away from a final verdict we had published, the change is also listed on the corrections page. We
        do not delete published verdicts; we correct them in the open.
      </p>

      <h2 id="retractions">Retractions</h2>
      <p>
        When a published claim should not have been published at all, we withdraw it in the open: the withdrawal needs a
        written reason of at least {RETRACTION_REASON_MIN} characters and, while the rule above is in force, goes
        through the same review. Afterwards the claim&apos;s address answers that it was withdrawn, with the statement,
        its last verdict, the reason and the date, and the claim is listed as withdrawn on the corrections page, in the
        feed and in the API.
      </p>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

// Where a claim page's "Request a correction" form lands after a 303 (app/(public)/claims/[slug]/correction-request/
// route.ts): the same page for every request, so it is static and says nothing about what was sent.
export const metadata: Metadata = { title: "Correction request received" };

export default function CorrectionRequestedPage() {
  return (
    <>
      <h1>Thank you: your request was received</h1>
      <p className="lede" role="status">
        An editor will read it and check the claim again. Requests are not published; if the claim is corrected, the
        change appears in its status history and on the <Link href="/corrections">corrections page</Link>.
      </p>
      <p>
        <Link href="/claims">Back to the claims</Link>
      </p>
    </>
  );
}

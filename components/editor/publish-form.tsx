"use client";

import { useState } from "react";
import { setPublishedAction } from "@/app/editor/claims/[id]/claim-actions";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { WriteFailure } from "@/lib/actions/write-result";

/** Publish (readers see the claim) or unpublish (back to a draft). */
export function PublishForm({ published }: { published: boolean }) {
  const hydrated = useHydrated();
  const { claimId, version, setVersion } = useClaimVersion();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<WriteFailure | null>(null);

  async function toggle() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await setPublishedAction({ claimId, version, publish: !published });
      if (result.ok) setVersion(result.data.version);
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }

  const message = refusal ? [refusal.formError, ...Object.values(refusal.fieldErrors).flat()].filter(Boolean).join(" ") : undefined;
  return (
    <div className="stack">
      <FormFeedback error={message} conflict={refusal?.conflict} reloadHref={`/editor/claims/${claimId}`} />
      <div className="actions">
        <button
          type="button"
          className={published ? "button button-secondary" : "button"}
          disabled={!hydrated || pending}
          onClick={() => void toggle()}
        >
          {published ? "Unpublish (back to draft)" : "Publish"}
        </button>
      </div>
    </div>
  );
}

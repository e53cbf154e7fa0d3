"use client";

import { useState } from "react";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";

type SetPublished = FormAction<{ claimId: number; version: number; publish: boolean }, { version: number }>;

/** Publish (readers see the claim) or unpublish (back to a draft). */
export function PublishForm({ published, action }: { published: boolean; action: SetPublished }) {
  const hydrated = useHydrated();
  const { claimId, version, setVersion } = useClaimVersion();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionFailure | null>(null);

  async function toggle() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await action({ claimId, version, publish: !published });
      if (result.ok) setVersion(result.data.version);
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }

  const message = refusal
    ? [refusal.formError, ...Object.values(refusal.fieldErrors).flat()].filter(Boolean).join(" ")
    : undefined;
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

"use client";

import { useState } from "react";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { WriteFailure, WriteResult } from "@/lib/actions/write-result";

type Remove = (at: { claimId: number; version: number }) => Promise<WriteResult<{ version: number }>>;

/** Removes one source, figure or link of the claim, with the page's version; says why when it is refused. */
export function RemoveButton({ remove: run, label }: { remove: Remove; label: string }) {
  const hydrated = useHydrated();
  const { claimId, version, setVersion } = useClaimVersion();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<WriteFailure | null>(null);

  async function remove() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await run({ claimId, version });
      if (result.ok) setVersion(result.data.version);
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }

  const message = refusal ? [...new Set([refusal.formError, ...Object.values(refusal.fieldErrors).flat()])].filter(Boolean).join(" ") : undefined;
  return (
    <>
      <button type="button" className="button button-secondary button-small" aria-label={label} disabled={!hydrated || pending} onClick={() => void remove()}>
        Remove
      </button>
      <FormFeedback error={message} conflict={refusal?.conflict} reloadHref={`/editor/claims/${claimId}`} />
    </>
  );
}

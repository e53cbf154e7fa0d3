"use client";

import { useState } from "react";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";

/** A remove action of the claim's page: the row to remove (`{ sourceId }`, `{ figureId }`, `{ linkId }`) at the page's version. */
export type RemoveAction<T> = FormAction<
  T & { claimId: number; version: number },
  { previousVersion: number; version: number }
>;

/**
 * Removes one source, figure or link of the claim, with the page's version; says why when it is refused. The list
 * (a server component) passes the Server Action and the row: both cross to the client as they are.
 */
export function RemoveButton<T extends object>({
  action,
  target,
  label,
}: {
  action: RemoveAction<T>;
  target: T;
  label: string;
}) {
  const hydrated = useHydrated();
  const { claimId, version, moveOn } = useClaimVersion();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionFailure | null>(null);

  async function remove() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await action({ ...target, claimId, version });
      if (result.ok) moveOn(result.data);
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }

  const message = refusal
    ? [...new Set([refusal.formError, ...Object.values(refusal.fieldErrors).flat()])].filter(Boolean).join(" ")
    : undefined;
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={label}
        disabled={!hydrated || pending}
        onClick={() => void remove()}
      >
        Remove
      </button>
      <FormFeedback error={message} conflict={refusal?.conflict} reloadHref={`/editor/claims/${claimId}`} />
    </>
  );
}

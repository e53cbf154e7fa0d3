"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import type { TickStepInput } from "@/lib/validation/checklist";

/** A step as the claim's page shows it: who ticked it and when (already formatted by the server), or open. */
export type ChecklistItem = {
  id: number;
  name: string;
  retired: boolean;
  tickedBy: string | null;
  tickedAt: string | null;
};

/**
 * The claim's verification checklist: any editor ticks or unticks a step. A retired step this claim ticked stays
 * listed, read-only, as history. A tick is not an edit of the claim (lib/data/writes/checklist.ts), so the page is
 * refreshed to show who ticked what, without touching the claim's version.
 */
export function ClaimChecklist({
  claimId,
  steps,
  action,
}: {
  claimId: number;
  steps: ChecklistItem[];
  action: FormAction<TickStepInput>;
}) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The box shows the click at once; the refreshed page then shows who ticked it and when (or the refusal).
  const [shown, show] = useOptimistic(steps, (state, { id, done }: { id: number; done: boolean }) =>
    state.map((s) => (s.id === id ? { ...s, tickedAt: done ? "…" : null, tickedBy: null } : s)),
  );

  function toggle(step: ChecklistItem, done: boolean) {
    setRefusal(null);
    startTransition(async () => {
      show({ id: step.id, done });
      const result = await action({ claimId, stepId: step.id, done });
      if (!result.ok) setRefusal(result.formError ?? "Not saved.");
      router.refresh();
    });
  }

  if (steps.length === 0) return <p className="muted small">No verification steps: an admin keeps the list.</p>;
  const open = shown.filter((s) => !s.retired && !s.tickedAt).length;
  return (
    <div data-testid="claim-checklist">
      <FormMessage error={refusal ?? undefined} />
      <p className="small" data-testid="checklist-open">
        {open === 0 ? "Every step is done." : `${open} of ${steps.filter((s) => !s.retired).length} steps open.`}
      </p>
      <ul className="checklist">
        {shown.map((step) => (
          <li key={step.id} data-testid="checklist-item">
            <label>
              <input
                type="checkbox"
                checked={step.tickedAt !== null}
                disabled={!hydrated || step.retired || pending}
                onChange={(e) => toggle(step, e.target.checked)}
              />{" "}
              {step.name}
              {step.retired ? " (retired step)" : ""}
            </label>
            <span className="muted small">
              {" — "}
              {step.tickedAt === "…"
                ? "saving…"
                : step.tickedAt
                  ? `ticked by ${step.tickedBy ?? "a removed account"} at ${step.tickedAt}`
                  : "open"}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

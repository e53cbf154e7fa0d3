"use client";

import { useState } from "react";
import { FormFeedback } from "@/components/editor/form-feedback";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";

type SetActorPublished = FormAction<{ actorId: number; published: boolean }, { published: boolean }>;

type Props = {
  actor: { id: number; name: string; published: boolean; publishedClaims: number };
  action: SetActorPublished;
};

/**
 * Readers see an actor once a published claim names it; before that, only if an editor publishes it here
 * (lib/data/reads/public-actor.ts).
 */
export function ActorPublishForm({ actor, action }: Props) {
  const hydrated = useHydrated();
  const [published, setPublished] = useState(actor.published);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<ActionFailure | null>(null);

  async function toggle() {
    setPending(true);
    setRefusal(null);
    try {
      const result = await action({ actorId: actor.id, published: !published });
      if (result.ok) setPublished(result.data.published);
      else setRefusal(result);
    } finally {
      setPending(false);
    }
  }

  const message = refusal
    ? [refusal.formError, ...Object.values(refusal.fieldErrors).flat()].filter(Boolean).join(" ")
    : undefined;
  const shown = published || actor.publishedClaims > 0;
  return (
    <div className="stack" data-testid="actor-publish">
      <p className="small">
        Claimant <strong>{actor.name}</strong>:{" "}
        {shown
          ? published
            ? "published by an editor, readers see it."
            : "readers see it (a published claim names it)."
          : "readers cannot see it until a claim of its is published."}
      </p>
      <FormFeedback error={message} />
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={!hydrated || pending}
          onClick={() => void toggle()}
        >
          {published ? "Stop showing this actor to readers" : "Show this actor to readers now"}
        </button>
      </div>
    </div>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormFeedback } from "@/components/editor/form-feedback";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { ActorSideSchema, SIDE_MAX } from "@/lib/validation/actor";

type Values = z.input<typeof ActorSideSchema>;
type SetActorSide = FormAction<z.output<typeof ActorSideSchema>, { side: string | null }>;

type Props = {
  actor: { id: number; name: string; side: string | null };
  /** the sides other actors are on, offered as suggestions so that one side keeps one spelling */
  sides: string[];
  action: SetActorSide;
};

/** The claimant's side in the story, which the parity table on / groups by (docs/decisions/0019-actor-sides.md). */
export function ActorSideForm({ actor, sides, action }: Props) {
  const hydrated = useHydrated();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ActorSideSchema),
    defaultValues: { actorId: actor.id, side: actor.side ?? "" },
  });
  const { register, handleSubmit, setError, formState } = form;

  const submit = handleSubmit(async (values) => {
    setSaved(null);
    const result = await action(ActorSideSchema.parse(values));
    if (result.ok)
      setSaved(result.data.side ? `Side set to “${result.data.side}”.` : "Side cleared: none or independent.");
    else applyServerErrors(setError, result, ["side"]);
  });
  const listId = `sides-${actor.id}`;

  return (
    <form className="stack" data-testid="actor-side" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={`Side of ${actor.name} in the story`}
        hint="Shared by every actor on that side (e.g. the TTP is not the Pakistani government). Empty: none or independent."
        errors={formState.errors.side?.message}
      >
        <input {...register("side")} list={listId} maxLength={SIDE_MAX} autoComplete="off" />
      </Field>
      <datalist id={listId}>
        {sides.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <FormFeedback error={formState.errors.root?.server?.message} success={saved} />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={!hydrated || formState.isSubmitting}>
          Save side
        </button>
      </div>
    </form>
  );
}

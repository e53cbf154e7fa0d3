"use client";

import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ActorOption } from "@/lib/data/reads/editor-claim-detail";
import { ABOUT_LABEL, ABOUT_MAX } from "@/lib/domain/claim-about";
import { ACTOR_KIND_LABEL } from "@/lib/domain/vocabulary";

/**
 * The actors a claim is about (lib/domain/claim-about.ts): one checkbox per actor, so the list works with a keyboard
 * and a screen reader without a custom widget. The group points at its hint and error, as <Field> does for one input
 * (aria-invalid is not allowed on a group).
 */
export function AboutActorsField({
  actors,
  registration,
  error,
}: {
  actors: ActorOption[];
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="fieldset"
      data-testid="about-actors"
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend>{ABOUT_LABEL}</legend>
      <p id={hintId} className="field-hint">
        Whom or what the claim is about (e.g. the TTP, Afghan civilians), at most {ABOUT_MAX}; the claimant too if the
        claim is about itself. Readers find the claim on each actor&apos;s page under “Claims about”.
      </p>
      <div className="about-choices">
        {actors.map((a) => (
          <label key={a.id} className="choice">
            <input type="checkbox" value={String(a.id)} {...registration} /> {a.name}{" "}
            <span className="muted small">({ACTOR_KIND_LABEL[a.kind]})</span>
          </label>
        ))}
      </div>
      {error ? (
        <div role="alert">
          <ul id={errorId} className="field-error">
            <li>{error}</li>
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

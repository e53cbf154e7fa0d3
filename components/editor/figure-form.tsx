"use client";

import type { z } from "zod";
import { ClaimPartForm } from "@/components/editor/claim-part-form";
import { useClaimPartForm } from "@/components/editor/use-claim-part-form";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import type { ActorOption } from "@/lib/data/reads/editor-claim-detail";
import { NO_SOURCE_REASON_MIN } from "@/lib/domain/figure-rules";
import { FigureSchema } from "@/lib/validation/figure";
import { OUTCOME_LABEL, POPULATION_LABEL, type Outcome, type Population } from "@/lib/domain/vocabulary";

type Values = z.input<typeof FigureSchema>;
const FIELDS = [
  "reportedById",
  "population",
  "outcome",
  "min",
  "max",
  "sourceId",
  "noSourceReason",
  "reportedAt",
  "note",
] as const;
const POPULATIONS = Object.keys(POPULATION_LABEL) as Population[];
const OUTCOMES = Object.keys(OUTCOME_LABEL) as Outcome[];

const blank = (claimId: number, version: number) =>
  ({
    claimId,
    version,
    reportedById: "",
    population: "",
    outcome: "",
    min: "",
    max: "",
    sourceId: "",
    noSourceReason: "",
    reportedAt: "",
    note: "",
  }) as unknown as Values;

/** Adds a casualty figure as one reporter gave it; a single number is min = max. */
type AddFigure = FormAction<z.output<typeof FigureSchema>, { previousVersion: number; version: number }>;

export function FigureForm({
  actors,
  sources,
  action,
}: {
  actors: ActorOption[];
  sources: { id: number; title: string }[];
  action: AddFigure;
}) {
  const hydrated = useHydrated();
  const { form, state, submit, e } = useClaimPartForm({
    schema: FigureSchema,
    blank,
    fields: FIELDS,
    action,
    saved: "Figure added.",
  });
  const { register, setValue, formState } = form;

  return (
    <ClaimPartForm
      label="Add a casualty figure"
      heading="Add a figure"
      setVersion={setValue}
      submit={submit}
      error={formState.errors.root?.server?.message}
      state={state}
    >
      <div className="field-grid">
        <Field label="Reported by" errors={e("reportedById")}>
          <select {...register("reportedById")}>
            <option value="">Choose an actor…</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Who" errors={e("population")}>
          <select {...register("population")}>
            <option value="">Choose…</option>
            {POPULATIONS.map((p) => (
              <option key={p} value={p}>
                {POPULATION_LABEL[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Outcome" errors={e("outcome")}>
          <select {...register("outcome")}>
            <option value="">Choose…</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABEL[o]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Lowest figure" errors={e("min")} hint="A whole number, 0 or more.">
          <input {...register("min")} type="number" inputMode="numeric" min={0} step={1} />
        </Field>
        <Field label="Highest figure" errors={e("max")} hint="The same as the lowest for a single number.">
          <input {...register("max")} type="number" inputMode="numeric" min={0} step={1} />
        </Field>
        <Field
          label="Source"
          errors={e("sourceId")}
          hint={
            sources.length === 0
              ? "Link a source to the claim first to cite it here, or give a reason below."
              : "One of this claim's sources; if none can be named, give the reason below."
          }
        >
          <select {...register("sourceId")}>
            <option value="">None</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Why no source can be named"
          errors={e("noSourceReason")}
          hint={`Only without a source; at least ${NO_SOURCE_REASON_MIN} characters, e.g. “told to our reporter by phone”.`}
        >
          <input {...register("noSourceReason")} />
        </Field>
        <Field label="Date reported (optional)" errors={e("reportedAt")}>
          <input {...register("reportedAt")} type="date" />
        </Field>
        <Field label="Note (optional)" errors={e("note")}>
          <input {...register("note")} />
        </Field>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add figure"}
        </button>
      </div>
    </ClaimPartForm>
  );
}

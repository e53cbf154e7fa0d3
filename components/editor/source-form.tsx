"use client";

import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { ClaimPartForm } from "@/components/editor/claim-part-form";
import { useClaimPartForm } from "@/components/editor/use-claim-part-form";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import type { SourceOption } from "@/lib/data/reads/editor-claim-detail";
import { AttachSourceSchema } from "@/lib/validation/source";
import { SOURCE_TYPE_LABEL, STANCE_LABEL, STANCES, type SourceType } from "@/lib/domain/vocabulary";

type Values = z.input<typeof AttachSourceSchema>;

const FIELDS = [
  "stance",
  "note",
  "source.mode",
  "source.sourceId",
  "source.fields.url",
  "source.fields.title",
  "source.fields.publisher",
  "source.fields.publishedAt",
  "source.fields.type",
  "source.fields.archiveUrl",
  "source.fields.derivedFromId",
  "source.fields.protected",
  "source.fields.protectedReason",
] as const;

const SOURCE_TYPES = Object.keys(SOURCE_TYPE_LABEL) as SourceType[];

const EMPTY_SOURCE = {
  url: "",
  title: "",
  publisher: "",
  publishedAt: "",
  type: undefined,
  archiveUrl: "",
  derivedFromId: "",
  protected: false,
  protectedReason: "",
};

function blank(claimId: number, version: number): Values {
  // The new-source fields are filled in even while "existing" is picked: zod drops them then.
  return {
    claimId,
    version,
    stance: undefined as unknown as Values["stance"],
    note: "",
    source: { mode: "existing", sourceId: "", fields: EMPTY_SOURCE } as unknown as Values["source"],
  };
}

const optionLabel = (s: SourceOption) =>
  `${s.title}${s.publisher ? ` — ${s.publisher}` : ""}${s.protected ? " (protected)" : ""}`;

/** Links a source to the claim with its stance: one from the list, or a new one described here. */
type AttachSource = FormAction<z.output<typeof AttachSourceSchema>, { previousVersion: number; version: number }>;

export function SourceForm({
  sources,
  linkedIds,
  capped,
  action,
}: {
  sources: SourceOption[];
  linkedIds: number[];
  capped: boolean;
  action: AttachSource;
}) {
  const hydrated = useHydrated();
  const { form, state, submit, e } = useClaimPartForm({
    schema: AttachSourceSchema,
    blank,
    fields: FIELDS,
    action,
    saved: "Source linked.",
  });
  const { register, control, setValue, formState } = form;
  const mode = useWatch({ control, name: "source.mode" });
  const isProtected = useWatch({ control, name: "source.fields.protected" as "source" }) as unknown as boolean;
  const pickable = sources.filter((s) => !linkedIds.includes(s.id));

  return (
    <ClaimPartForm
      label="Link a source"
      heading="Link a source"
      setVersion={setValue}
      submit={submit}
      error={formState.errors.root?.server?.message}
      state={state}
    >
      <fieldset className="fieldset">
        <legend>Source</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" value="existing" {...register("source.mode")} /> One already in Claimwatch
          </label>
          <label className="choice">
            <input type="radio" value="new" {...register("source.mode")} /> A new source
          </label>
        </div>
        {mode === "new" ? (
          <div className="field-grid">
            <Field label="Title" errors={e("source.fields.title")} className="wide">
              <input {...register("source.fields.title")} />
            </Field>
            <Field
              label="Address (optional)"
              errors={e("source.fields.url")}
              hint="https:// or http:// only. Some documents have none."
            >
              <input {...register("source.fields.url")} type="url" inputMode="url" />
            </Field>
            <Field label="Publisher (optional)" errors={e("source.fields.publisher")}>
              <input {...register("source.fields.publisher")} />
            </Field>
            <Field label="Type" errors={e("source.fields.type")}>
              <select {...register("source.fields.type")}>
                <option value="">Choose…</option>
                {SOURCE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {SOURCE_TYPE_LABEL[t]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Date published (optional)" errors={e("source.fields.publishedAt")}>
              <input {...register("source.fields.publishedAt")} type="date" />
            </Field>
            <Field
              label="Archived copy (optional)"
              errors={e("source.fields.archiveUrl")}
              hint="e.g. a Wayback Machine address."
            >
              <input {...register("source.fields.archiveUrl")} type="url" inputMode="url" />
            </Field>
            <Field
              label="Repeats another source (optional)"
              errors={e("source.fields.derivedFromId")}
              hint="Ten outlets quoting one press release count as one source."
            >
              <select {...register("source.fields.derivedFromId")}>
                <option value="">No — it is original</option>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {optionLabel(s)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="field wide">
              <label className="choice">
                <input type="checkbox" {...register("source.fields.protected")} /> Protect this source: readers see only
                its type and the reason, never who it is
              </label>
            </div>
            {isProtected ? (
              <Field
                label="Why it is protected"
                errors={e("source.fields.protectedReason")}
                className="wide"
                hint="Shown to readers in place of the source."
              >
                <input {...register("source.fields.protectedReason")} />
              </Field>
            ) : null}
          </div>
        ) : (
          <Field
            label="Source"
            errors={e("source.sourceId")}
            hint={capped ? `Only the ${sources.length} newest sources are listed.` : undefined}
          >
            <select {...register("source.sourceId")}>
              <option value="">Choose a source…</option>
              {pickable.map((s) => (
                <option key={s.id} value={s.id}>
                  {optionLabel(s)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </fieldset>
      <div className="field-grid">
        <Field label="Stance" errors={e("stance")}>
          <select {...register("stance")} defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)" errors={e("note")} hint="What in the source bears on the claim.">
          <input {...register("note")} />
        </Field>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Linking…" : "Link source"}
        </button>
      </div>
    </ClaimPartForm>
  );
}

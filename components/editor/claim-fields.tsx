"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { AboutActorsField } from "@/components/editor/about-actors-field";
import { errorAt } from "@/components/editor/field-error";
import type { ActorOption, IncidentOption } from "@/lib/data/reads/editor-claim-detail";
import { DATE_PRECISIONS, PRECISION_LABEL, formatClaimDate } from "@/lib/domain/claim-date";
import { CLAIM_FIELD_KEYS } from "@/lib/domain/claim-fields";
import { SIDE_MAX } from "@/lib/validation/actor";
import type { ClaimCreateSchema } from "@/lib/validation/claim";
import {
  ACTOR_KIND_LABEL,
  CATEGORIES,
  CATEGORY_LABEL,
  KIND_LABEL,
  languageName,
  type ActorKind,
} from "@/lib/domain/vocabulary";

export type ClaimFieldValues = z.input<typeof ClaimCreateSchema>;

/** The name of every input below, so a server refusal lands on the right one (anything else goes to the top). */
export const CLAIM_FIELD_NAMES = [
  "slug",
  ...CLAIM_FIELD_KEYS,
  "claimant.mode",
  "claimant.actorId",
  "claimant.actor.name",
  "claimant.actor.kind",
  "claimant.actor.country",
  "claimant.actor.sameAs",
  "claimant.actor.side",
  "incidentId",
  "about",
] as const;

const ACTOR_KINDS = Object.keys(ACTOR_KIND_LABEL) as ActorKind[];

type Props = {
  register: UseFormRegister<ClaimFieldValues>;
  errors: FieldErrors<ClaimFieldValues>;
  claimantMode: "existing" | "new";
  originalLanguage: string | undefined;
  actors: ActorOption[];
  incidents: IncidentOption[];
  editing: boolean;
  /** Shown right under the statement (the possible-duplicate warning). */
  afterStatement?: React.ReactNode;
};

/** Every field of a claim (model Claim in prisma/schema.prisma), shared by the create and the edit form. */
export function ClaimFields({
  register,
  errors,
  claimantMode,
  originalLanguage,
  actors,
  incidents,
  editing,
  afterStatement,
}: Props) {
  const e = (path: string) => errorAt(errors, path);
  return (
    <>
      <Field
        label="Statement (in English)"
        errors={e("statement")}
        hint="The checkable claim itself, as one sentence: not “X says…” (who said it is the claimant below)."
      >
        <textarea {...register("statement")} rows={3} />
      </Field>
      {afterStatement}

      <fieldset className="fieldset">
        <legend>Who made the claim</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" value="existing" {...register("claimant.mode")} /> An actor in the list
          </label>
          <label className="choice">
            <input type="radio" value="new" {...register("claimant.mode")} /> A new actor
          </label>
        </div>
        {claimantMode === "existing" ? (
          <Field label="Claimant" errors={e("claimant.actorId")}>
            <select {...register("claimant.actorId")}>
              <option value="">Choose an actor…</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({ACTOR_KIND_LABEL[a.kind]}
                  {a.country ? `, ${a.country}` : ""})
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <div className="field-grid">
            <Field label="Name" errors={e("claimant.actor.name")}>
              <input {...register("claimant.actor.name")} autoComplete="off" />
            </Field>
            <Field label="Kind of actor" errors={e("claimant.actor.kind")}>
              <select {...register("claimant.actor.kind")}>
                <option value="">Choose…</option>
                {ACTOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ACTOR_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label="Country (optional)"
              errors={e("claimant.actor.country")}
              hint="Two-letter ISO code, e.g. PK, AF, US."
            >
              <input {...register("claimant.actor.country")} maxLength={2} autoComplete="off" />
            </Field>
            <Field
              label="Reference link (optional)"
              errors={e("claimant.actor.sameAs")}
              hint="e.g. its Wikidata page; https:// only."
            >
              <input {...register("claimant.actor.sameAs")} type="url" inputMode="url" />
            </Field>
            <Field
              label="Side in the story (optional)"
              errors={e("claimant.actor.side")}
              hint="Shared by every actor on that side; the parity table groups by it. Empty: none or independent."
            >
              <input
                {...register("claimant.actor.side")}
                list="claimant-sides"
                maxLength={SIDE_MAX}
                autoComplete="off"
              />
            </Field>
            <datalist id="claimant-sides">
              {[...new Set(actors.flatMap((a) => (a.side ? [a.side] : [])))].sort().map((side) => (
                <option key={side} value={side} />
              ))}
            </datalist>
          </div>
        )}
      </fieldset>

      <AboutActorsField actors={actors} registration={register("about")} error={e("about")} />

      <div className="field-grid">
        <Field label="Category" errors={e("category")}>
          <select {...register("category")}>
            <option value="">Choose…</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Kind" errors={e("kind")} hint="Positions (stances) are recorded but never rated.">
          <select {...register("kind")}>
            <option value="FACT">{KIND_LABEL.FACT}</option>
            <option value="POSITION">{KIND_LABEL.POSITION}</option>
          </select>
        </Field>
        <Field
          label="Date claimed"
          errors={e("claimedAt")}
          hint="Not later than today. For a month or a year, any day in it; when the source gives no date, today."
        >
          <input {...register("claimedAt")} type="date" />
        </Field>
        <Field label="How precisely the date is known" errors={e("claimedAtPrecision")}>
          <select {...register("claimedAtPrecision")}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABEL[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Location (optional)" errors={e("location")}>
          <input {...register("location")} />
        </Field>
        <Field label="Incident (optional)" errors={e("incidentId")}>
          <select {...register("incidentId")}>
            <option value="">None</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({formatClaimDate(i.date, i.datePrecision)})
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="field-grid">
        <Field
          label="Original wording (optional)"
          errors={e("originalText")}
          hint="As said, in the original language."
          className="wide"
        >
          <textarea {...register("originalText")} rows={3} dir="auto" lang={originalLanguage || undefined} />
        </Field>
        <Field label="Original language" errors={e("originalLanguage")} hint={languageHint(originalLanguage)}>
          <input {...register("originalLanguage")} autoComplete="off" />
        </Field>
      </div>

      <Field
        label="Slug (optional)"
        errors={e("slug")}
        hint={
          editing
            ? "The claim's address (/claims/slug). Changing it breaks links already shared; leave it empty to keep the current one."
            : "The claim's address (/claims/slug). Leave it empty to make one from the statement."
        }
      >
        <input {...register("slug")} autoComplete="off" spellCheck={false} />
      </Field>
    </>
  );
}

const LANGUAGE_TAGS = "A language tag: ps (Pashto), fa (Persian), ur (Urdu), prs (Dari)…";

/** The name of the tag typed so far, so an editor sees "Pashto" rather than guessing what "ps" means. */
function languageHint(tag: string | undefined): string {
  const name = languageName(tag);
  return name && name !== tag?.trim() ? `${name}. ${LANGUAGE_TAGS}` : LANGUAGE_TAGS;
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { CLAIM_FIELD_NAMES, ClaimFields, type ClaimFieldValues } from "@/components/editor/claim-fields";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import { PossibleDuplicates } from "@/components/editor/possible-duplicates";
import { ReportingVerbWarning } from "@/components/editor/reporting-verb-warning";
import { useSaveState } from "@/components/editor/use-save-state";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionFailure, FormAction } from "@/lib/actions/result";
import type { ActorOption, IncidentOption } from "@/lib/data/reads/editor-claim-detail";
import { aboutText } from "@/lib/domain/claim-about";
import { CLAIM_FIELD_KEYS } from "@/lib/domain/claim-fields";
import { aboutField, ClaimCreateSchema, ClaimUpdateSchema, type OpenedWithSchema } from "@/lib/validation/claim";

type Options = { actors: ActorOption[]; incidents: IncidentOption[] };

/** `action` redirects to the new claim on success, so it only returns a refusal. */
export function CreateClaimForm({
  actors,
  incidents,
  action,
}: Options & { action: (input: z.output<typeof ClaimCreateSchema>) => Promise<ActionFailure> }) {
  const hydrated = useHydrated();
  const form = useForm<z.input<typeof ClaimCreateSchema>, unknown, z.output<typeof ClaimCreateSchema>>({
    resolver: zodResolver(ClaimCreateSchema),
    defaultValues: {
      kind: "FACT",
      claimedAtPrecision: "DAY",
      claimant: { mode: "existing", actorId: "" },
      about: [],
    },
  });
  const { register, control, setError, formState } = form;
  const state = useSaveState(setError, CLAIM_FIELD_NAMES);
  const claimantMode = useWatch({ control, name: "claimant.mode" });
  const originalLanguage = useWatch({ control, name: "originalLanguage" });
  const statement = useWatch({ control, name: "statement" });

  const onSubmit = form.handleSubmit(async (values) => {
    state.start();
    // On success the action redirects to the new claim's page; it only returns when it refused.
    const result = await action(values);
    if (result && !result.ok) state.refused(result);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New claim" className="card stack">
      <FormFeedback error={formState.errors.root?.server?.message} />
      <ClaimFields
        register={register}
        errors={formState.errors}
        claimantMode={claimantMode === "new" ? "new" : "existing"}
        originalLanguage={typeof originalLanguage === "string" ? originalLanguage : undefined}
        actors={actors}
        incidents={incidents}
        editing={false}
        afterStatement={
          <>
            <ReportingVerbWarning statement={typeof statement === "string" ? statement : ""} />
            <PossibleDuplicates statement={typeof statement === "string" ? statement : ""} />
          </>
        }
      />
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create draft"}
        </button>
        <span className="muted small">New claims start as drafts: readers see them once you publish.</span>
      </div>
    </form>
  );
}

type UpdateClaim = FormAction<
  z.output<typeof ClaimUpdateSchema>,
  {
    previousVersion: number;
    version: number;
    slug: string;
    claimantId: number;
    othersChanged: string[];
    warning: string | null;
  }
>;

/**
 * What the inputs hold, field by field, as the server compares it (lib/domain/edit-conflicts.ts). A new claimant
 * has no id yet: the server's answer gives it after the save.
 */
function openedFrom(values: ClaimFieldValues, claimantId?: number): z.input<typeof OpenedWithSchema> {
  const fields = Object.fromEntries(CLAIM_FIELD_KEYS.map((f) => [f, String(values[f] ?? "")]));
  const picked = values.claimant?.mode === "existing" ? values.claimant.actorId : undefined;
  return {
    ...fields,
    slug: String(values.slug ?? ""),
    claimantId: String(claimantId ?? picked ?? ""),
    incidentId: String(values.incidentId ?? ""),
    about: aboutText(aboutField.safeParse(values.about).data ?? []),
  } as z.input<typeof OpenedWithSchema>;
}

/** The success note; it names what someone else changed meanwhile, which this form still shows as it was. */
function savedMessage(othersChanged: string[]) {
  const base = "Saved. Readers see the change at once if the claim is published.";
  if (!othersChanged.length) return base;
  return `${base} Another editor changed the ${othersChanged.join(", ")} since you opened this page: they were kept; reload to see them.`;
}

export function EditClaimForm({
  actors,
  incidents,
  defaults,
  action,
}: Options & { defaults: ClaimFieldValues; action: UpdateClaim }) {
  const hydrated = useHydrated();
  const { claimId, version, moveOn } = useClaimVersion();
  const form = useForm<z.input<typeof ClaimUpdateSchema>, unknown, z.output<typeof ClaimUpdateSchema>>({
    resolver: zodResolver(ClaimUpdateSchema),
    // `openedWith`: the values the form was opened with, and after each save of this form the values it saved. A
    // save is refused only where a field it changes was changed by someone else since
    // (docs/decisions/0025-conflicts-per-field.md).
    defaultValues: { ...defaults, claimId, version, openedWith: openedFrom(defaults) },
  });
  const { register, control, setError, setValue, getValues, formState } = form;
  const state = useSaveState(setError, CLAIM_FIELD_NAMES);
  const claimantMode = useWatch({ control, name: "claimant.mode" });
  const originalLanguage = useWatch({ control, name: "originalLanguage" });
  const statement = useWatch({ control, name: "statement" });

  const submit = form.handleSubmit(async (values) => {
    state.start();
    const result = await action(values);
    if (!result.ok) return state.refused(result);
    moveOn(result.data);
    setValue("slug", result.data.slug);
    setValue("openedWith", openedFrom(getValues() as ClaimFieldValues, result.data.claimantId));
    const saved = savedMessage(result.data.othersChanged);
    state.saved(result.data.warning ? `${saved} Note: ${result.data.warning}` : saved);
  });

  return (
    <form
      onSubmit={(event) => {
        // The version this page holds, which moves on with every save made from it.
        setValue("version", version);
        void submit(event);
      }}
      noValidate
      aria-label="Claim details"
      className="card stack"
    >
      <FormFeedback
        error={formState.errors.root?.server?.message}
        conflict={state.conflict}
        success={state.success}
        reloadHref={`/editor/claims/${claimId}`}
      />
      <ClaimFields
        // The edit form has two more (hidden) values, claimId and version; the shared fields know only the rest.
        register={register as unknown as UseFormRegister<ClaimFieldValues>}
        errors={formState.errors}
        claimantMode={claimantMode === "new" ? "new" : "existing"}
        originalLanguage={typeof originalLanguage === "string" ? originalLanguage : undefined}
        actors={actors}
        incidents={incidents}
        editing
        afterStatement={
          <>
            <ReportingVerbWarning statement={typeof statement === "string" ? statement : ""} />
            {/* Only once the statement is changed: a lookup on every opening of a claim would show the same
                neighbours again. */}
            <PossibleDuplicates
              statement={typeof statement === "string" ? statement : ""}
              excludeId={claimId}
              enabled={statement !== defaults.statement}
              headingLevel={3}
            />
          </>
        }
      />
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save claim"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormFeedback } from "@/components/editor/form-feedback";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Conflict, FormAction } from "@/lib/actions/result";
import { DATE_PRECISIONS, PRECISION_LABEL, latestClaimDay } from "@/lib/domain/claim-date";
import { LOCATION_PRECISIONS, LOCATION_PRECISION_LABEL } from "@/lib/domain/incident-place";
import {
  INCIDENT_DESCRIPTION_MAX,
  INCIDENT_LOCATION_MAX,
  INCIDENT_TITLE_MAX,
  IncidentCreateSchema,
  IncidentUpdateSchema,
} from "@/lib/validation/incident";

type CreateValues = z.input<typeof IncidentCreateSchema>;
type UpdateValues = z.input<typeof IncidentUpdateSchema>;
const FIELDS = [
  "slug",
  "title",
  "date",
  "datePrecision",
  "location",
  "locationPrecision",
  "latitude",
  "longitude",
  "description",
] as const;

export type IncidentFormValues = {
  title: string;
  date: string;
  datePrecision: string;
  location: string;
  locationPrecision: string;
  latitude: string;
  longitude: string;
  description: string;
};

type Props =
  | {
      mode: "create";
      action: FormAction<z.output<typeof IncidentCreateSchema>, { id: number; slug: string }>;
    }
  | {
      mode: "edit";
      incidentId: number;
      version: number;
      initial: IncidentFormValues;
      action: FormAction<z.output<typeof IncidentUpdateSchema>, { version: number }>;
    };

/**
 * An incident's own fields (docs/editing.md, Incidents): the same schema checks them here and in the Server Action,
 * so coordinates out of range, half a pair, a missing precision or a future date are refused at their field.
 */
export function IncidentForm(props: Props) {
  const hydrated = useHydrated();
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const schema = props.mode === "create" ? IncidentCreateSchema : IncidentUpdateSchema;
  const form = useForm<CreateValues & Partial<UpdateValues>>({
    resolver: zodResolver(schema as typeof IncidentCreateSchema),
    defaultValues:
      props.mode === "create"
        ? {
            slug: "",
            title: "",
            date: "",
            datePrecision: "DAY",
            location: "",
            locationPrecision: "",
            latitude: "",
            longitude: "",
            description: "",
          }
        : { ...props.initial, incidentId: props.incidentId, version: props.version },
  });
  const { register, handleSubmit, setError, formState } = form;
  const err = (name: (typeof FIELDS)[number]) => formState.errors[name]?.message as string | undefined;

  const submit = handleSubmit(async (values) => {
    setSaved(null);
    setConflict(null);
    if (props.mode === "create") {
      const result = await props.action(IncidentCreateSchema.parse(values));
      // A success redirects to the incident's page; only a refusal comes back.
      if (!result.ok) applyServerErrors(setError, result, FIELDS);
    } else {
      const result = await props.action(IncidentUpdateSchema.parse(values));
      if (result.ok) {
        form.setValue("version", result.data.version);
        setSaved("Saved. Reader pages show the change now.");
      } else {
        setConflict(result.conflict ?? null);
        applyServerErrors(setError, result, FIELDS);
      }
    }
  });

  return (
    <form className="stack" data-testid="incident-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="Title"
        hint="What happened, in a few words (e.g. “Airstrike on a market in Barmal”)."
        errors={err("title")}
      >
        <input {...register("title")} maxLength={INCIDENT_TITLE_MAX} />
      </Field>
      {props.mode === "create" ? (
        <Field label="Slug (optional)" hint="Made from the title when left empty." errors={err("slug")}>
          <input {...register("slug")} autoComplete="off" />
        </Field>
      ) : null}
      <div>
        <Field label="Date" errors={err("date")}>
          <input type="date" {...register("date")} max={latestClaimDay()} />
        </Field>
        <Field label="How precisely the date is known" errors={err("datePrecision")}>
          <select {...register("datePrecision")}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABEL[p]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Place" hint="As precisely as the sources name it; never more." errors={err("location")}>
        <input {...register("location")} maxLength={INCIDENT_LOCATION_MAX} />
      </Field>
      <Field label="How precisely the place is known" errors={err("locationPrecision")}>
        <select {...register("locationPrecision")}>
          <option value="">Choose…</option>
          {LOCATION_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {LOCATION_PRECISION_LABEL[p]}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <Field label="Latitude (optional)" hint="Decimal degrees, −90 to 90; both or neither." errors={err("latitude")}>
          <input {...register("latitude")} inputMode="decimal" autoComplete="off" />
        </Field>
        <Field label="Longitude (optional)" hint="Decimal degrees, −180 to 180." errors={err("longitude")}>
          <input {...register("longitude")} inputMode="decimal" autoComplete="off" />
        </Field>
      </div>
      <Field label="What happened (optional)" errors={err("description")}>
        <textarea {...register("description")} rows={4} maxLength={INCIDENT_DESCRIPTION_MAX} />
      </Field>
      <FormFeedback
        error={formState.errors.root?.server?.message}
        conflict={conflict}
        success={saved}
        reloadHref={props.mode === "edit" ? `/editor/incidents/${props.incidentId}` : undefined}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={!hydrated || formState.isSubmitting}>
          {props.mode === "create" ? "Create incident" : "Save incident"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormFeedback } from "@/components/editor/form-feedback";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { AssignSchema } from "@/lib/validation/assignment";

type Values = z.input<typeof AssignSchema>;
type Assign = FormAction<z.output<typeof AssignSchema>, { assignee: { id: number; name: string } | null }>;

type Props = {
  claimId: number;
  assignee: { id: number; name: string } | null;
  /** the accounts that can sign in (lib/data/reads/assignee-options.ts) */
  options: { id: number; name: string }[];
  action: Assign;
};

/**
 * Who works on the claim: any editor may assign it to any active account, or to nobody (lib/data/writes/assignment.ts).
 * The page is refreshed after a save so that the menu's "My work (N)" counts it.
 */
export function AssignForm({ claimId, assignee, options, action }: Props) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(AssignSchema),
    defaultValues: { claimId, assigneeId: assignee ? String(assignee.id) : "" },
  });
  const { register, handleSubmit, setError, formState } = form;

  const submit = handleSubmit(async (values) => {
    setSaved(null);
    const result = await action(AssignSchema.parse(values));
    if (!result.ok) return applyServerErrors(setError, result, ["assigneeId"]);
    setSaved(result.data.assignee ? `Assigned to ${result.data.assignee.name}.` : "Assigned to nobody.");
    router.refresh();
  });

  return (
    <form className="stack" data-testid="assign-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="small" data-testid="assignee">
        Assigned to: <strong>{assignee ? assignee.name : "nobody"}</strong>
      </p>
      <Field label="Assign to" errors={formState.errors.assigneeId?.message}>
        <select {...register("assigneeId")}>
          <option value="">Nobody</option>
          {options.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <FormFeedback error={formState.errors.root?.server?.message} success={saved} />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={!hydrated || formState.isSubmitting}>
          Save assignment
        </button>
      </div>
    </form>
  );
}

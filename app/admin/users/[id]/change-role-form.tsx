"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Role } from "@/generated/prisma/enums";
import { ChangeRoleSchema, ROLES, ROLE_LABEL } from "@/lib/validation/user";
import { changeRoleAction } from "../actions";

export function ChangeRoleForm({ userId, role }: { userId: number; role: Role }) {
  const hydrated = useHydrated();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<z.input<typeof ChangeRoleSchema>, unknown, z.output<typeof ChangeRoleSchema>>({
    resolver: zodResolver(ChangeRoleSchema),
    defaultValues: { userId, role },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await changeRoleAction(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["role"]);
    setDone(`Role changed to ${ROLE_LABEL[values.role]}.`);
  });

  return (
    <form noValidate onSubmit={onSubmit} data-testid="change-role">
      <FormMessage error={errors.root?.server?.message} success={done ?? undefined} />
      <Field label="Role" errors={errors.role?.message}>
        <select {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      <button className="button" type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? "Saving…" : "Change role"}
      </button>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CreateUserSchema, NAME_MAX, ROLES, ROLE_LABEL } from "@/lib/validation/user";
import { OneTimePassword } from "./one-time-password";
import { createUserAction } from "./actions";

type Created = { email: string; generatedPassword: string | null };

export function CreateUserForm() {
  const hydrated = useHydrated();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<z.input<typeof CreateUserSchema>, unknown, z.output<typeof CreateUserSchema>>({
    resolver: zodResolver(CreateUserSchema),
    defaultValues: { email: "", name: "", role: "EDITOR", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(null);
    const result = await createUserAction(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["email", "name", "role", "password"]);
    setCreated({ email: result.data.email, generatedPassword: result.data.generatedPassword });
    form.reset();
  });

  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add an account</h2>
      <FormMessage error={errors.root?.server?.message} />
      {created ? (
        created.generatedPassword ? (
          <OneTimePassword email={created.email} password={created.generatedPassword} action="created" />
        ) : (
          <FormMessage success={`Account ${created.email} created with the password you typed.`} />
        )
      ) : null}
      <div className="form-grid">
        <Field label="Email" errors={errors.email?.message}>
          <input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label="Name" errors={errors.name?.message}>
          <input type="text" autoComplete="off" maxLength={NAME_MAX + 1} {...form.register("name")} />
        </Field>
        <Field label="Role" errors={errors.role?.message}>
          <select {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Initial password (optional)"
          hint="Leave empty to generate a strong one; it is shown once."
          errors={errors.password?.message}
        >
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? "Adding…" : "Add account"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ResetPasswordSchema } from "@/lib/validation/user";
import { OneTimePassword } from "../one-time-password";
import { resetPasswordAction } from "../actions";

type Done = { generatedPassword: string | null; sessionsEnded: number };

export function ResetPasswordForm({ userId, email }: { userId: number; email: string }) {
  const hydrated = useHydrated();
  const [done, setDone] = useState<Done | null>(null);
  const form = useForm<z.input<typeof ResetPasswordSchema>, unknown, z.output<typeof ResetPasswordSchema>>({
    resolver: zodResolver(ResetPasswordSchema),
    defaultValues: { userId, password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await resetPasswordAction(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["password"]);
    setDone(result.data);
    form.reset({ userId, password: "" });
  });

  return (
    <form noValidate onSubmit={onSubmit} data-testid="reset-password">
      <FormMessage error={errors.root?.server?.message} />
      {done?.generatedPassword ? (
        <OneTimePassword email={email} password={done.generatedPassword} action="reset" />
      ) : null}
      {done && !done.generatedPassword ? (
        <FormMessage success={`Password of ${email} set to the one you typed.`} />
      ) : null}
      {done ? (
        <p className="small muted">{`${done.sessionsEnded} open ${done.sessionsEnded === 1 ? "session was" : "sessions were"} ended.`}</p>
      ) : null}
      <Field
        label="New password (optional)"
        hint="Leave empty to generate a strong one; it is shown once."
        errors={errors.password?.message}
      >
        <input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <button className="button" type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? "Resetting…" : "Reset password"}
      </button>
    </form>
  );
}

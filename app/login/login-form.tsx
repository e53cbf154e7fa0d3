"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EMAIL_MAX, LoginSchema, PASSWORD_MAX } from "@/lib/validation/login";
import { signInAction } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const hydrated = useHydrated();
  const form = useForm<z.input<typeof LoginSchema>, unknown, z.output<typeof LoginSchema>>({
    resolver: zodResolver(LoginSchema),
    defaultValues: { email: "", password: "", next },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    // On success the action redirects (the router follows it); only a refusal comes back here.
    const result = await signInAction(values);
    if (!result.ok) applyServerErrors(form.setError, result, ["email", "password"]);
  });

  return (
    <form className="card login-form" noValidate onSubmit={onSubmit} aria-describedby="login-help">
      <FormMessage error={errors.root?.server?.message} />
      <Field label="Email" errors={errors.email?.message}>
        <input type="email" autoComplete="username" maxLength={EMAIL_MAX + 20} {...form.register("email")} />
      </Field>
      <Field label="Password" errors={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX + 1}
          {...form.register("password")}
        />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </div>
      <p id="login-help" className="field-hint">
        Accounts are created by an admin. Forgot your password? Ask an admin to reset it.
      </p>
      <noscript>
        <p className="notice">Signing in needs JavaScript. Please turn it on for this site.</p>
      </noscript>
    </form>
  );
}

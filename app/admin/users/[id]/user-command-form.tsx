"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import { UserRefSchema } from "@/lib/validation/user";
import { disableUserAction, enableUserAction, endSessionsAction, liftSignInLockAction } from "../actions";

type Command = "disable" | "enable" | "end-sessions" | "lift-lock";
type Done = { sessionsEnded?: number; failuresLifted?: number } | undefined;

const COMMANDS: Record<
  Command,
  {
    label: string;
    busy: string;
    danger: boolean;
    run: FormAction<{ userId: number }, Done>;
  }
> = {
  disable: { label: "Disable account", busy: "Disabling…", danger: true, run: disableUserAction },
  enable: { label: "Enable account", busy: "Enabling…", danger: false, run: enableUserAction },
  "end-sessions": { label: "End all sessions", busy: "Ending sessions…", danger: true, run: endSessionsAction },
  "lift-lock": { label: "Lift lock", busy: "Lifting…", danger: false, run: liftSignInLockAction },
};

function successText(command: Command, { sessionsEnded, failuresLifted }: NonNullable<Done>): string {
  if (command === "lift-lock")
    return `Lock lifted: ${failuresLifted ?? 0} failed ${failuresLifted === 1 ? "attempt no longer counts" : "attempts no longer count"}.`;
  const sessions = `${sessionsEnded ?? 0} ${sessionsEnded === 1 ? "session" : "sessions"} ended`;
  if (command === "disable") return `Account disabled; ${sessions}.`;
  if (command === "enable") return "Account enabled. It can sign in again.";
  return `Signed out everywhere: ${sessions}.`;
}

/** One button acting on one account (disable, enable, end all sessions, lift the sign-in lock), with the action's answer beside it. */
export function UserCommandForm({ userId, command }: { userId: number; command: Command }) {
  const hydrated = useHydrated();
  const [done, setDone] = useState<string | null>(null);
  const { label, busy, danger, run } = COMMANDS[command];
  const form = useForm<z.input<typeof UserRefSchema>, unknown, z.output<typeof UserRefSchema>>({
    resolver: zodResolver(UserRefSchema),
    defaultValues: { userId },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await run(values);
    if (!result.ok) return applyServerErrors(form.setError, result, []);
    setDone(successText(command, result.data ?? {}));
  });

  return (
    <form noValidate onSubmit={onSubmit} data-testid={`command-${command}`}>
      <FormMessage error={errors.root?.server?.message} success={done ?? undefined} />
      <button className={`button ${danger ? "button-danger" : ""}`} type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? busy : label}
      </button>
    </form>
  );
}

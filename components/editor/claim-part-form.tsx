"use client";

import type { FormEvent, ReactNode } from "react";
import { useClaimVersion } from "@/components/editor/claim-version-context";
import { FormFeedback } from "@/components/editor/form-feedback";
import type { Conflict } from "@/lib/actions/result";

type Props = {
  label: string;
  heading?: string;
  /** The form's own setValue: the page's current version is put in just before validation. */
  setVersion: (name: "version", version: number) => void;
  submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  error?: string;
  state: { conflict: Conflict | null; success: string | null };
  children: ReactNode;
};

/**
 * The frame of the forms on a claim's editor page (sources, figures, links, status). Each save carries the version
 * this page holds, which another form's save may have moved on since this form was filled in: it is read at submit
 * time, not when the form was reset.
 */
export function ClaimPartForm({ label, heading, setVersion, submit, error, state, children }: Props) {
  const { claimId, version } = useClaimVersion();
  return (
    <form
      onSubmit={(event) => {
        setVersion("version", version);
        void submit(event);
      }}
      noValidate
      aria-label={label}
      className="card stack"
    >
      {heading ? <h3>{heading}</h3> : null}
      <FormFeedback
        error={error}
        conflict={state.conflict}
        success={state.success}
        reloadHref={`/editor/claims/${claimId}`}
      />
      {children}
    </form>
  );
}

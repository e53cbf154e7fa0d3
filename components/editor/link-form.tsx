"use client";

import { useEffect, useId, useState } from "react";
import type { z } from "zod";
import { ClaimPartForm } from "@/components/editor/claim-part-form";
import { useClaimPartForm } from "@/components/editor/use-claim-part-form";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormAction } from "@/lib/actions/result";
import type { LinkTarget } from "@/lib/data/entry-points/editor";
import { LinkSchema } from "@/lib/validation/link";
import { LINK_LABEL, type LinkType } from "@/lib/domain/vocabulary";

type Values = z.input<typeof LinkSchema>;
const FIELDS = ["type", "targetId", "note"] as const;
const LINK_TYPES = Object.keys(LINK_LABEL) as LinkType[];

const blank = (claimId: number, version: number) =>
  ({ claimId, version, type: "", targetId: "", note: "" }) as unknown as Values;

/** Finds claims by slug or words, as the editor types (drafts too: editors may link them before publishing). */
function useClaimSearch(query: string, excludeId: number) {
  const [results, setResults] = useState<LinkTarget[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/editor/claim-search?${new URLSearchParams({ q, exclude: String(excludeId) })}`, {
        signal: controller.signal,
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const body = (await response.json()) as { results: LinkTarget[] };
          setResults(body.results);
          setFailed(false);
        })
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== "AbortError") setFailed(true);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, excludeId]);
  return { results: query.trim().length < 2 ? [] : results, failed };
}

/** Adds a typed link from this claim to another: the other claim is found by its slug or by words. */
type AddLink = FormAction<z.output<typeof LinkSchema>, { previousVersion: number; version: number }>;

export function LinkForm({ action }: { action: AddLink }) {
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState<LinkTarget | null>(null);
  const { form, state, submit, e, claimId } = useClaimPartForm({
    schema: LinkSchema,
    blank,
    fields: FIELDS,
    action,
    saved: "Link added.",
    afterSave: () => {
      choose(null);
      setQuery("");
    },
  });
  const { register, setValue, formState, clearErrors } = form;
  const { results, failed } = useClaimSearch(target ? "" : query, claimId);
  const resultsId = useId();

  function choose(claim: LinkTarget | null) {
    setTarget(claim);
    setValue("targetId", claim ? claim.id : "");
    clearErrors("targetId");
  }

  return (
    <ClaimPartForm
      label="Link to another claim"
      heading="Link to another claim"
      setVersion={setValue}
      submit={submit}
      error={formState.errors.root?.server?.message}
      state={state}
    >
      <Field label="This claim…" errors={e("type")}>
        <select {...register("type")}>
          <option value="">Choose how they relate…</option>
          {LINK_TYPES.map((t) => (
            <option key={t} value={t}>
              {LINK_LABEL[t].outgoing.toLowerCase()} the other claim
            </option>
          ))}
        </select>
      </Field>
      {target ? (
        <div className="field">
          <p className="label-like">Other claim</p>
          <p data-testid="link-target">
            <strong>{target.statement}</strong>{" "}
            <span className="muted small">
              ({target.slug}
              {target.published ? "" : ", draft"})
            </span>{" "}
            <button type="button" className="button button-secondary button-small" onClick={() => choose(null)}>
              Change
            </button>
          </p>
          {e("targetId") ? (
            <p className="field-error" role="alert">
              {e("targetId")}
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <Field
            label="Other claim: its slug or words from it"
            errors={e("targetId")}
            hint="Pick it from the matches below."
          >
            <input
              type="search"
              dir="auto"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              autoComplete="off"
              aria-controls={resultsId}
            />
          </Field>
          <div id={resultsId} aria-live="polite">
            {failed ? <p className="field-error">The search failed; try again.</p> : null}
            {results.length ? (
              <ul className="pick-list" aria-label="Matching claims">
                {results.map((claim) => (
                  <li key={claim.id}>
                    <button type="button" className="pick" onClick={() => choose(claim)}>
                      {claim.statement}{" "}
                      <span className="muted small">
                        ({claim.slug} · {claim.claimant}
                        {claim.published ? "" : " · draft"})
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : query.trim().length >= 2 ? (
              <p className="muted small">No matching claims yet.</p>
            ) : null}
          </div>
        </>
      )}
      <Field label="Note (optional)" errors={e("note")}>
        <input {...register("note")} />
      </Field>
      <div className="actions">
        <button className="button" type="submit" disabled={!hydrated || formState.isSubmitting}>
          {formState.isSubmitting ? "Linking…" : "Add link"}
        </button>
      </div>
    </ClaimPartForm>
  );
}

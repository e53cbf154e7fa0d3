"use client";

import { ClaimDate } from "@/components/claims/claim-date";
import { useEffect, useId, useState } from "react";
import { StatusBadge } from "@/components/claims/status-badge";
import type { DuplicateMatch } from "@/lib/data/entry-points/editor";
import { significantTerms } from "@/lib/domain/similar-terms";

// The "Possible duplicate" warning under the statement field: a hint, never a block. Without JavaScript the form
// renders without it (the live region below is empty in the server HTML).

const DEBOUNCE_MS = 300;
/** Below this there is too little to compare: every claim shares a word or two with a half-typed sentence. */
const MIN_LENGTH = 12;
const MIN_TERMS = 3;

function worthChecking(statement: string): boolean {
  return statement.trim().length >= MIN_LENGTH && significantTerms(statement).length >= MIN_TERMS;
}

function usePossibleDuplicates(statement: string, excludeId: number | undefined, enabled: boolean) {
  const [results, setResults] = useState<DuplicateMatch[]>([]);
  const [failed, setFailed] = useState(false);
  const ready = enabled && worthChecking(statement);
  const text = ready ? statement.trim() : "";
  useEffect(() => {
    if (!text) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ statement: text });
      if (excludeId !== undefined) params.set("exclude", String(excludeId));
      fetch(`/editor/possible-duplicates?${params}`, { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const body = (await response.json()) as { results: DuplicateMatch[] };
          setResults(body.results);
          setFailed(false);
        })
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== "AbortError") setFailed(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, excludeId]);
  // Earlier matches stay on screen while the next lookup runs (no flicker on every keystroke).
  return { results: text ? results : [], failed: text !== "" && failed };
}

type Props = {
  statement: string;
  /** The claim being edited, never its own duplicate. */
  excludeId?: number;
  /** Off until there is something new to check (the edit form: until the statement is changed). */
  enabled?: boolean;
  /** 3 where the form sits under a heading of its own (the edit page's "Claim details"). */
  headingLevel?: 2 | 3;
};

export function PossibleDuplicates({ statement, excludeId, enabled = true, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const { results, failed } = usePossibleDuplicates(statement, excludeId, enabled);
  const headingId = useId();
  // aria-live rather than role="status": the forms' own save message is their role="status", and a second one in
  // the same form would make "the form's status" ambiguous for assistive technology and for tests.
  return (
    <div aria-live="polite" data-testid="possible-duplicates">
      {failed ? <p className="muted small">Could not check for possible duplicates.</p> : null}
      {results.length > 0 ? (
        <section className="notice duplicate-warning" aria-labelledby={headingId}>
          <Heading id={headingId} className="duplicate-title">
            Possible duplicate
          </Heading>
          <p className="small">
            {results.length === 1 ? "A claim in similar words is" : `${results.length} claims in similar words are`}{" "}
            already recorded. Check {results.length === 1 ? "it" : "them"} before going on; you can still save this
            claim.
          </p>
          <ul className="duplicate-list">
            {results.map((claim) => (
              <li key={claim.id}>
                {/* A new tab: following the link here would throw away what has been typed. */}
                <a href={claim.href} target="_blank" rel="noopener">
                  {claim.statement}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
                <span className="claim-meta">
                  <StatusBadge status={claim.status} kind={claim.kind} />
                  {claim.published ? null : <span className="badge badge-draft">Draft</span>}
                  <span>{claim.claimant}</span>
                  <ClaimDate at={new Date(claim.claimedAt)} precision={claim.claimedAtPrecision} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

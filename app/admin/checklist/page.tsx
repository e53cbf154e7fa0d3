import type { Metadata } from "next";
import { readChecklistSteps } from "@/lib/data/entry-points/admin";
import { formatCount } from "@/lib/domain/format";
import { AddStepForm, StepRow } from "./step-forms";

export const metadata: Metadata = { title: "Verification checklist" };

export default async function ChecklistPage() {
  const { active, retired } = await readChecklistSteps();
  return (
    <>
      <h1>Verification checklist</h1>
      <p className="lede">
        The steps every claim is checked against. Editors tick them on each claim&apos;s page; a final verdict with
        steps still open is saved with a warning. Retiring a step takes it off the checklist; claims that ticked it keep
        that tick as history.
      </p>
      <h2>Steps in use</h2>
      {active.length ? (
        <ol className="checklist-steps">
          {active.map((step, i) => (
            <StepRow
              key={`${step.id}-${step.name}`}
              step={{ id: step.id, name: step.name }}
              first={i === 0}
              last={i === active.length - 1}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No steps: claims show no checklist and final verdicts get no warning.</p>
      )}
      <AddStepForm />
      {retired.length ? (
        <>
          <h2>Retired steps</h2>
          <ul data-testid="retired-steps">
            {retired.map((step) => (
              <li key={step.id}>
                {step.name} — ticked on {formatCount(step._count.ticks)} {step._count.ticks === 1 ? "claim" : "claims"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

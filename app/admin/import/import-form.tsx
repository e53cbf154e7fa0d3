"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ImportIssue } from "@/lib/data-io/issues";
import { ImportUploadSchema } from "@/lib/validation/import";
import type { ActionResult } from "@/lib/actions/result";
import type { ImportDone } from "@/lib/data/entry-points/import-upload";
import { ImportCountsTable, ImportIssueList } from "./import-report";

/** The upload's route (./upload/route.ts): a Server Action's body is limited to 1 MB, a file may have 50. */
const UPLOAD_URL = "/admin/import/upload";

async function postUpload(values: z.output<typeof ImportUploadSchema>): Promise<ActionResult<ImportDone>> {
  const body = new FormData();
  body.set("file", values.file);
  body.set("dryRun", String(values.dryRun));
  const response = await fetch(UPLOAD_URL, { method: "POST", body, headers: { Accept: "application/json" } });
  return (await response.json()) as ActionResult<ImportDone>;
}

type Problems = { issues: ImportIssue[]; total: number };

export function ImportForm({ maxMegabytes }: { maxMegabytes: number }) {
  const hydrated = useHydrated();
  const [done, setDone] = useState<ImportDone | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  const form = useForm<z.input<typeof ImportUploadSchema>, unknown, z.output<typeof ImportUploadSchema>>({
    resolver: zodResolver(ImportUploadSchema),
    defaultValues: { dryRun: false },
  });
  const { errors, isSubmitting } = form.formState;
  const dryRun = useWatch({ control: form.control, name: "dryRun" });

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    setProblems(null);
    let result: ActionResult<ImportDone>;
    try {
      result = await postUpload(values);
    } catch {
      // The connection broke, or something in between answered without the import's JSON: nothing was imported.
      form.setError("root.server", {
        type: "server",
        message:
          "The upload failed before the file could be checked, so nothing was imported. Check the file's size and try again.",
      });
      return;
    }
    if (!result.ok) {
      applyServerErrors(form.setError, result, ["file", "dryRun"]);
      if (result.issues) setProblems({ issues: result.issues, total: result.totalIssues ?? result.issues.length });
      return;
    }
    setDone(result.data);
  });

  return (
    <>
      {/* Without JavaScript the browser posts the form itself, and the route answers with a result page. */}
      <form
        className="card"
        noValidate
        method="post"
        action={UPLOAD_URL}
        encType="multipart/form-data"
        onSubmit={onSubmit}
        aria-labelledby="import-heading"
        data-hydrated={hydrated}
      >
        <h2 id="import-heading">Upload a file</h2>
        <FormMessage error={errors.root?.server?.message} />
        <Field label="File (.json or .csv)" hint={`UTF-8, at most ${maxMegabytes} MB.`} errors={errors.file?.message}>
          <input type="file" accept=".json,.csv,application/json,text/csv" {...form.register("file")} />
        </Field>
        <div className="field checkbox-field">
          <input
            id="import-dry-run"
            type="checkbox"
            aria-describedby="import-dry-run-hint"
            {...form.register("dryRun")}
          />
          <label htmlFor="import-dry-run">Dry run</label>
          <p id="import-dry-run-hint" className="field-hint">
            Check the file and show what would change, without writing anything.
          </p>
        </div>
        <div className="actions">
          <button className="button" type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Checking…" : dryRun ? "Check file" : "Import"}
          </button>
        </div>
      </form>
      {done ? (
        <section className="stack import-result" aria-labelledby="import-result-heading">
          <h2 id="import-result-heading">{done.dryRun ? "Dry run: nothing was written" : "Imported"}</h2>
          <FormMessage
            success={
              done.dryRun
                ? `${done.fileName} is valid (${done.records} records). Importing it would make these changes:`
                : `${done.fileName} was imported (${done.records} records). Readers see the published claims now.`
            }
          />
          <ImportCountsTable counts={done.counts} dryRun={done.dryRun} />
        </section>
      ) : null}
      {problems ? <ImportIssueList issues={problems.issues} total={problems.total} /> : null}
    </>
  );
}

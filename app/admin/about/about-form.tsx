"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/ui/apply-server-errors";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ABOUT_MAX, AboutPageSchema } from "@/lib/validation/about";
import { saveAboutAction } from "./actions";

type Values = z.input<typeof AboutPageSchema>;

/** The /about text as Markdown in a textarea; what readers see is rendered without raw HTML (lib/domain/markdown.ts). */
export function AboutForm({ markdown }: { markdown: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof AboutPageSchema>>({
    resolver: zodResolver(AboutPageSchema),
    defaultValues: { markdown },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = await saveAboutAction(values);
    if (!result.ok) return applyServerErrors(form.setError, result, ["markdown"]);
    setSaved(
      result.data.changed ? "Saved: readers see the new text now." : "Nothing changed: this text is shown already.",
    );
    router.refresh();
  });

  return (
    <form className="card stack" noValidate onSubmit={(event) => void onSubmit(event)} aria-label="About page text">
      <Field
        label="Text of /about (Markdown)"
        hint={`Headings (##), lists, **bold**, *italics* and links to https://, mailto: or /pages of this site; up to ${ABOUT_MAX.toLocaleString("en")} characters. HTML is shown as text, images are not shown.`}
        errors={errors.markdown?.message}
      >
        <textarea rows={20} {...form.register("markdown")} />
      </Field>
      <FormMessage error={errors.root?.server?.message} success={saved ?? undefined} />
      <div className="actions">
        <button type="submit" className="button" disabled={!hydrated || isSubmitting}>
          Save the text
        </button>
      </div>
    </form>
  );
}

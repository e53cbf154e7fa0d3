import { FormMessage } from "@/components/ui/form-message";
import type { Conflict } from "@/lib/actions/result";

/**
 * The form-level outcome of a save: a refusal, a success note, or a lost race on the version with a way to load
 * the latest version. A plain <a>, not <Link>: a full load resets every form on the page to the new version,
 * while the values typed here stay on screen until the editor follows it.
 */
export function FormFeedback({
  error,
  conflict,
  success,
  reloadHref,
}: {
  error?: string;
  conflict?: Conflict | null;
  success?: string | null;
  reloadHref?: string;
}) {
  if (error && conflict && reloadHref) {
    return (
      <div className="form-error" role="alert" data-testid="conflict">
        <p>{error}</p>
        <p>
          <a href={reloadHref}>Reload the latest version</a> (what you typed here is not kept: copy it first if you need
          it).
        </p>
      </div>
    );
  }
  return <FormMessage error={error} success={success ?? undefined} />;
}

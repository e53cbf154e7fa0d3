/** The form-level message: a server refusal that belongs to no single field, or a success note. */
export function FormMessage({ error, success }: { error?: string; success?: string }) {
  if (error) {
    return (
      <div className="form-error" role="alert">
        {error}
      </div>
    );
  }
  if (success) {
    return (
      <div className="form-ok" role="status">
        {success}
      </div>
    );
  }
  return null;
}

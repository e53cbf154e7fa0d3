/** A generated password, shown once: it lives only in this browser's memory and is gone on the next page load. */
export function OneTimePassword({
  email,
  password,
  action,
}: {
  email: string;
  password: string;
  action: "created" | "reset";
}) {
  return (
    <div className="form-ok" role="status">
      <p>
        {action === "created" ? `Account ${email} created.` : `Password of ${email} reset.`} Its new password is shown
        only this once; pass it on securely now:
      </p>
      <p>
        <code className="one-time-password" data-testid="generated-password">
          {password}
        </code>
      </p>
    </div>
  );
}

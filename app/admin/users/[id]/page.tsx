import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { readUser } from "@/lib/data/entry-points/admin";
import { formatDateTime } from "@/lib/domain/format";
import { ROLE_LABEL } from "@/lib/validation/user";
import { SignInThrottle } from "../sign-in-throttle";
import { ChangeRoleForm } from "./change-role-form";
import { ResetPasswordForm } from "./reset-password-form";
import { UserCommandForm } from "./user-command-form";

export const metadata: Metadata = { title: "Account" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const user = await readUser(Number(id));
  if (!user) notFound();
  const me = await getCurrentUser();
  const self = me?.id === user.id;

  return (
    <>
      <p>
        <Link href="/admin/users">← All accounts</Link>
      </p>
      <h1>{user.name}</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd data-testid="user-email">{user.email}</dd>
        <dt>Role</dt>
        <dd data-testid="user-role">{ROLE_LABEL[user.role]}</dd>
        <dt>Status</dt>
        <dd data-testid="user-status">
          {user.disabledAt ? `Disabled since ${formatDateTime(user.disabledAt)}` : "Active"}
        </dd>
        <dt>Last sign-in</dt>
        <dd>{user.lastSignIn ? formatDateTime(user.lastSignIn) : "Never"}</dd>
        <dt>Sign-in lock</dt>
        <dd>
          <SignInThrottle state={user.signInThrottle} />
        </dd>
        <dt>Open sessions</dt>
        <dd data-testid="user-sessions">{user.openSessions}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      {self ? (
        <p className="notice">
          This is your own account. Resetting its password or ending its sessions signs you out too.
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="role-heading">
        <h2 id="role-heading">Role</h2>
        <ChangeRoleForm userId={user.id} role={user.role} />
      </section>
      <section className="card stack" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p className="small muted">A reset ends every open session of this account.</p>
        <ResetPasswordForm userId={user.id} email={user.email} />
      </section>
      <section className="card stack" aria-labelledby="access-heading">
        <h2 id="access-heading">Access</h2>
        <p className="small muted">
          Disabling an account ends its sessions at once; it cannot sign in until enabled again.
        </p>
        <UserCommandForm userId={user.id} command={user.disabledAt ? "enable" : "disable"} />
        <UserCommandForm userId={user.id} command="end-sessions" />
      </section>
      <section className="card stack" aria-labelledby="lock-heading">
        <h2 id="lock-heading">Sign-in lock</h2>
        <p className="small muted">
          After five failed attempts, browsers that never signed in to this account wait a little longer after each new
          failure; browsers that did are not held back. Lifting the lock lets everyone try again at once.
        </p>
        <UserCommandForm userId={user.id} command="lift-lock" />
      </section>
    </>
  );
}

import Link from "next/link";
import type { UserRow } from "@/lib/data/writes/users";
import { formatCount, formatDateTime } from "@/lib/domain/format";
import { ROLE_LABEL } from "@/lib/validation/user";
import { SignInThrottle } from "./sign-in-throttle";

export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Sign-in lock</th>
            <th scope="col" className="num">
              Open sessions
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.email}</Link>
              </td>
              <td>{u.name}</td>
              <td>{ROLE_LABEL[u.role]}</td>
              <td>{u.disabledAt ? `Disabled since ${formatDateTime(u.disabledAt)}` : "Active"}</td>
              <td>{u.lastSignIn ? formatDateTime(u.lastSignIn) : "Never"}</td>
              <td>
                <SignInThrottle state={u.signInThrottle} />
              </td>
              <td className="num">{formatCount(u.openSessions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

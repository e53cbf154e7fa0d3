import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { readUsers } from "@/lib/data/entry-points/admin";
import { countOf } from "@/lib/domain/format";
import { parseUserListParams } from "@/lib/validation/user";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseUserListParams(await searchParams);
  const { users, total, page, pageCount } = await readUsers(params);
  const hrefFor = (n: number) =>
    `/admin/users?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), page: String(n) })}`;

  return (
    <>
      <h1>Accounts</h1>
      <p className="lede">Editors write and check claims; admins also manage accounts and read the audit log.</p>
      <CreateUserForm />

      <h2>All accounts</h2>
      <form className="filters" method="get" action="/admin/users" role="search" aria-label="Find accounts">
        <div className="wide">
          <label htmlFor="users-q">Email or name contains</label>
          <input id="users-q" name="q" type="search" dir="auto" defaultValue={params.q ?? ""} maxLength={100} />
        </div>
        <div className="actions">
          <button className="button" type="submit">
            Find
          </button>
          {params.q ? <Link href="/admin/users">Show all</Link> : null}
        </div>
      </form>
      <p aria-live="polite" data-testid="user-count">
        {total === 0 ? "No accounts match." : `${countOf(total, "account")}.`}
      </p>
      {users.length > 0 ? <UsersTable users={users} /> : null}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}

import { redirect } from "next/navigation";

// /admin has no page of its own: accounts are where admins start.
export default function AdminIndex() {
  redirect("/admin/users");
}

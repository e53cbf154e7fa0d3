import { z } from "zod";
import { Role } from "@/generated/prisma/enums";
import { text } from "@/lib/validation/fields";
import { PASSWORD_MAX, PASSWORD_MIN, emailAddress } from "@/lib/validation/login";

// Account management: the admin forms, their Server Actions and `npm run user:create` parse these. Client-safe.

export const NAME_MAX = 100;
export const ROLES = Object.values(Role);
export const ROLE_LABEL: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor" };

const roleField = z.enum(Role, { error: "Choose Editor or Admin." });

/** Empty means "generate one for me": the new password is then shown once and never stored in plain text. */
const newPasswordField = text("The password", "Type a password, or leave it empty to generate one.")
  .max(PASSWORD_MAX, { error: `A password has at most ${PASSWORD_MAX} characters.` })
  .refine((p) => p === "" || p.length >= PASSWORD_MIN, { error: `A password has at least ${PASSWORD_MIN} characters.` })
  .optional()
  .transform((p) => (p ? p : undefined));

const userIdField = z
  .number({ error: "Choose an account." })
  .int({ error: "Choose an account." })
  .positive({ error: "Choose an account." })
  .max(2 ** 31 - 1, { error: "Choose an account." });

/** The one answer to an address that has an account already: the form, its field and `npm run user:create`. */
export const EMAIL_TAKEN = "An account with this email address already exists.";

export const CreateUserSchema = z.object({
  // An admin types someone else's address: "your" would be wrong here.
  email: emailAddress("Enter the new account's email address."),
  name: text("The name", "Enter a name.")
    .trim()
    .min(1, { error: "Enter a name." })
    .max(NAME_MAX, { error: `A name has at most ${NAME_MAX} characters.` }),
  role: roleField,
  password: newPasswordField,
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;
export type CreateUserValues = z.output<typeof CreateUserSchema>;

export const UserRefSchema = z.object({ userId: userIdField });
export type UserRefInput = z.input<typeof UserRefSchema>;

export const ChangeRoleSchema = z.object({ userId: userIdField, role: roleField });
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const ResetPasswordSchema = z.object({ userId: userIdField, password: newPasswordField });
export type ResetPasswordInput = z.input<typeof ResetPasswordSchema>;

/** /admin/users?q=…&page=…: unusable values fall back to defaults (the list is never refused). */
export function parseUserListParams(params: Record<string, string | string[] | undefined>): {
  q?: string;
  page: number;
} {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const q = first(params.q)?.trim().slice(0, 100);
  const rawPage = first(params.page) ?? "";
  const page = /^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : 1;
  return q ? { q, page } : { page };
}

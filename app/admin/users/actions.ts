"use server";

import { runAction } from "@/lib/actions/run-action";
import {
  changeRole,
  createUser,
  disableUser,
  enableUser,
  endSessions,
  liftSignInLock,
  resetPassword,
} from "@/lib/data/writes/users";
import {
  ChangeRoleSchema,
  CreateUserSchema,
  ResetPasswordSchema,
  UserRefSchema,
  type ChangeRoleInput,
  type CreateUserInput,
  type ResetPasswordInput,
  type UserRefInput,
} from "@/lib/validation/user";

// Account management, each through the one runner (lib/actions/run-action.ts): admins only → the form's own schema
// → one transaction with its AuditEvent (lib/data/writes/users.ts) → the admin pages. Nothing here changes what
// readers see (names and claims are untouched), so the reader cache tag is left alone.

export async function createUserAction(input: CreateUserInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: CreateUserSchema,
      write: (db, admin, values) => createUser(db, admin.id, values, "admin"),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function disableUserAction(input: UserRefInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: UserRefSchema,
      write: (db, admin, { userId }) => disableUser(db, admin.id, userId),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function enableUserAction(input: UserRefInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: UserRefSchema,
      write: (db, admin, { userId }) => enableUser(db, admin.id, userId),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function changeRoleAction(input: ChangeRoleInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: ChangeRoleSchema,
      write: (db, admin, values) => changeRole(db, admin.id, values),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function resetPasswordAction(input: ResetPasswordInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: ResetPasswordSchema,
      write: (db, admin, values) => resetPassword(db, admin.id, values),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function endSessionsAction(input: UserRefInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: UserRefSchema,
      write: (db, admin, { userId }) => endSessions(db, admin.id, userId),
      invalidate: "admin-pages",
    },
    input,
  );
}

export async function liftSignInLockAction(input: UserRefInput) {
  return runAction(
    {
      role: "ADMIN",
      schema: UserRefSchema,
      write: (db, admin, { userId }) => liftSignInLock(db, admin.id, userId),
      invalidate: "admin-pages",
    },
    input,
  );
}

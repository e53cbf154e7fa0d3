"use server";

import { runAction } from "@/lib/actions/run-action";
import { addStep, moveStep, renameStep, retireStep } from "@/lib/data/writes/checklist";
import {
  AddStepSchema,
  MoveStepSchema,
  RenameStepSchema,
  RetireStepSchema,
  type AddStepInput,
  type MoveStepInput,
  type RenameStepInput,
  type RetireStepInput,
} from "@/lib/validation/checklist";

// The verification checklist's steps, admins only, each through the one runner (lib/actions/run-action.ts). The
// checklist is editor-only data, so readers' cache is left alone; editor pages are rendered per request anyway.

export async function addStepAction(input: AddStepInput) {
  return runAction({ role: "ADMIN", schema: AddStepSchema, write: addStep, invalidate: "admin-pages" }, input);
}

export async function renameStepAction(input: RenameStepInput) {
  return runAction({ role: "ADMIN", schema: RenameStepSchema, write: renameStep, invalidate: "admin-pages" }, input);
}

export async function moveStepAction(input: MoveStepInput) {
  return runAction({ role: "ADMIN", schema: MoveStepSchema, write: moveStep, invalidate: "admin-pages" }, input);
}

export async function retireStepAction(input: RetireStepInput) {
  return runAction({ role: "ADMIN", schema: RetireStepSchema, write: retireStep, invalidate: "admin-pages" }, input);
}

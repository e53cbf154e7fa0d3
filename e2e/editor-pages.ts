import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

// Opening editor pages the way a person would use them: after React has hydrated the forms. Typing into a form
// before that races with react-hook-form setting the inputs' starting values (and its submit stays disabled).

export async function openClaimEditor(page: Page, claimId: number) {
  await page.goto(`/editor/claims/${claimId}`);
  await expect(page.getByRole("button", { name: "Save claim" })).toBeEnabled({ timeout: 20_000 });
}

export async function openNewClaim(page: Page) {
  await page.goto("/editor/claims/new");
  await expect(page.getByRole("button", { name: "Create draft" })).toBeEnabled({ timeout: 20_000 });
}

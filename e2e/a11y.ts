import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * No axe-core violations (WCAG 2.x A/AA rules, colour contrast among them) on the page as it stands. `alsoRules`
 * adds rules outside those tags, such as "heading-order" (a best practice, so not in them); axe runs either tags or
 * named rules, so they get a run of their own.
 */
export async function expectNoAxeViolations(page: Page, { alsoRules = [] }: { alsoRules?: string[] } = {}) {
  const runs = [await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()];
  if (alsoRules.length > 0) runs.push(await new AxeBuilder({ page }).withRules(alsoRules).analyze());
  const violations = runs.flatMap((r) => r.violations);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  return runs;
}

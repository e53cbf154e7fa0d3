import type { Page } from "@playwright/test";

/**
 * The visible element with this test id. After a client-side navigation Next keeps up to three earlier pages in the
 * document, hidden with display: none (React Activity; "Preserving UI state" in Next 16's docs), so a test id can
 * match a hidden twin from the page before. Role and label queries skip hidden elements by themselves.
 */
export function shown(page: Page, testId: string) {
  return page.getByTestId(testId).filter({ visible: true });
}

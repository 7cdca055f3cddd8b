import type { Page } from 'playwright-core';

/** What has the focus, as the page's own document sees it (a shadow host for our widgets). */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return '(none)';
    const text = active.textContent.trim().slice(0, 40);
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${text ? ` "${text}"` : ''}`;
  });
}

/** Presses Tab until `reached` says the focus is where it should be; throws after `limit` presses. */
export async function tabUntil(page: Page, what: string, reached: () => Promise<boolean>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  if (await reached()) return;
  throw new Error(`Tab never reached ${what} in ${limit} presses; the focus is on ${await focusedElement(page)}`);
}

/** Whether the focused element (light DOM) matches `selector`. */
export function focusIs(page: Page, selector: string): () => Promise<boolean> {
  return () => page.evaluate((wanted) => document.activeElement?.matches(wanted) === true, selector);
}

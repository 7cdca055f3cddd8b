import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from '../../demo/browser';
import type { OverlayDetails } from '../../demo/overlay-probe';
import { pollUntil, staysFalse } from '../../demo/wait';

/** What the demo page's own window-capture listeners heard (demo/sites: `window.keysSeen`). */
export function keysHeardBy(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { keysSeen?: string[] }).keysSeen ?? ['(no key recorder on this page)']);
}

export function overlayShows(browser: ExtensionBrowser, page: Page): Promise<OverlayDetails> {
  return pollUntil('the password guard overlay', () => browser.overlayDetails(page), (details) => details.present);
}

/**
 * The overlay, once its "I trust" control has been fully visible long enough for the user's
 * click on it to count (the page UI's visibility proof, content/click-proof).
 */
export function trustReady(browser: ExtensionBrowser, page: Page): Promise<OverlayDetails> {
  return pollUntil('"I trust" to be seen long enough to count', () => browser.overlayDetails(page), (details) => details.trustProof === 'ready');
}

export async function overlayStaysAway(browser: ExtensionBrowser, page: Page): Promise<boolean> {
  return staysFalse(async () => (await browser.overlayDetails(page)).present);
}

export const SECRET = 'hunter2';

/**
 * Types as a user would, twice: where the focus is once the overlay took it, and into the
 * field focused again (keys go to the focused frame, so this works in frames too).
 */
export async function typeIntoGuardedField(field: Locator): Promise<void> {
  const page = field.page();
  await page.keyboard.type(SECRET);
  await field.focus();
  await page.keyboard.type(SECRET);
}

/**
 * A real mouse click at the middle of the element, through the browser's own hit testing
 * as a user's click goes. (Playwright's locator.click() can land its events on the
 * <iframe> element in the parent instead of inside a cross-site frame made by script.)
 */
export async function clickLikeAUser(element: Locator): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  if (!box) throw new Error('the element has no box to click');
  await element.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A real click on a look-alike's password field brings the overlay that names the real site,
 * and what the user types then reaches neither the field nor any listener of `heardBy` (the
 * page, or the frame the field is in).
 */
export async function expectFieldGuarded(browser: ExtensionBrowser, page: Page, field: Locator, heardBy: Page | Frame = page): Promise<void> {
  await clickLikeAUser(field);
  const overlay = await overlayShows(browser, page);
  expect(overlay.text).toContain('Go to doxy.me');
  await typeIntoGuardedField(field);
  expect(await field.inputValue()).toBe('');
  expect(await keysHeardBy(heardBy)).toEqual([]);
}

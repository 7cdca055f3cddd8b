import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { FirefoxExtensionBrowser } from '../../demo/firefox-browser';
import type { WidgetProbe } from '../../demo/firefox-widget-probe';
import type { PopupState } from '../../demo/popup-state';
import { sameFindings } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { MIN_VISIBLE_MS } from '../../src/content/click-proof';

export const SECRET = 'hunter2';
export const LOOKALIKE_WITH_PASSWORD = ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'];

/** Polls the popup for `tabId` until it shows `level` with exactly `findings`. */
export function popupShows(firefox: FirefoxExtensionBrowser, tabId: number, level: string, findings: readonly string[], timeoutMs = 15_000): Promise<PopupState> {
  return pollUntil(
    `the popup to show ${level} with ${findings.join(', ')}`,
    () => firefox.tabState(tabId),
    (state) => state.level === level && sameFindings(state.findings, findings),
    { timeoutMs, intervalMs: 100 },
  );
}

/** The first of our `tagName` elements (of `kind`) in the tab, once there is one. */
export async function widgetShows(firefox: FirefoxExtensionBrowser, tabId: number, tagName: string, kind?: string, timeoutMs = 15_000): Promise<WidgetProbe> {
  const found = await pollUntil(
    `${tagName}${kind ? ` (${kind})` : ''} in the page`,
    () => firefox.widgets(tabId, tagName),
    (widgets) => widgets.some((widget) => kind === undefined || widget.kind === kind),
    { timeoutMs, intervalMs: 100 },
  );
  return found.find((widget) => kind === undefined || widget.kind === kind)!;
}

export const alertShows = (firefox: FirefoxExtensionBrowser, tabId: number) => widgetShows(firefox, tabId, 'telehealth-guard-alert');
export const overlayShows = (firefox: FirefoxExtensionBrowser, tabId: number) => widgetShows(firefox, tabId, 'telehealth-guard-overlay');

/** What the demo page's own window-capture listeners heard (demo/sites: `window.keysSeen`). */
export function keysHeardBy(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { keysSeen?: string[] }).keysSeen ?? ['(no key recorder on this page)']);
}

/** A real mouse click at the middle of the element matched by `selector` in `frame` (the browser's own hit testing). */
export async function clickLikeAUser(page: Page, frame: Page | Frame, selector: string): Promise<void> {
  const element = await frame.waitForSelector(selector, { timeout: 10_000 });
  if (!element) throw new Error(`no ${selector}`);
  await element.scrollIntoView();
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector} has no box to click`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A real click on a look-alike's password field brings the overlay that names the real site,
 * and what the user types then (twice: where the focus went, and into the field focused again)
 * reaches neither the field nor any listener of the page or frame.
 */
export async function expectFieldGuarded(firefox: FirefoxExtensionBrowser, page: Page, tabId: number, frame: Page | Frame = page, selector = 'input[type="password"]'): Promise<void> {
  await clickLikeAUser(page, frame, selector);
  const overlay = await overlayShows(firefox, tabId);
  expect(overlay.mode).toBe('closed');
  expect(overlay.text).toContain('Go to doxy.me');
  await page.keyboard.type(SECRET);
  await frame.focus(selector);
  await page.keyboard.type(SECRET);
  expect(await frame.$eval(selector, (field) => (field as HTMLInputElement).value)).toBe('');
  expect(await keysHeardBy(frame)).toEqual([]);
}

/** The frame of `page` whose address matches, once it is there. */
export function frameOf(page: Page, matches: (url: string) => boolean, what: string): Promise<Frame> {
  return pollUntil(what, () => Promise.resolve(page.frames().find((frame) => frame !== page.mainFrame() && matches(frame.url()))), (frame) => frame !== undefined) as Promise<Frame>;
}

/**
 * Waits until the control labelled `label` would count a click, then clicks it with the real
 * mouse. Firefox has no IntersectionObserver v2: there a click counts once the widget has been
 * on top, unchallenged, for MIN_VISIBLE_MS (content/click-proof), which the control's
 * `untracked` state does not show, so that long is waited from when it is seen.
 */
export async function clickWhenReady(firefox: FirefoxExtensionBrowser, page: Page, tabId: number, tagName: string, label: string, kind?: string): Promise<void> {
  const widget = await pollUntil(
    `${label} to be ready for a click`,
    () => widgetShows(firefox, tabId, tagName, kind),
    (shown) => shown.controls.some((control) => control.label === label && control.proof !== 'waiting'),
  );
  if (widget.controls.some((control) => control.label === label && control.proof === 'untracked')) {
    await new Promise((resolve) => setTimeout(resolve, MIN_VISIBLE_MS + 100));
  }
  await firefox.clickInWidget(page, tabId, tagName, label, kind);
}

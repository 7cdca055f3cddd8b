import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import type { PopupState } from './popup-state';
import { pollUntil } from './wait';

export interface Visit {
  page: Page;
  tabId: number;
  /** The first popup state that met the wait's condition. */
  state: PopupState;
  /** From the start of `page.goto` to that state showing in the popup. */
  ms: number;
  /**
   * From the page's navigation start to the background storing the verdict made with the
   * page's report: what the extension itself takes, without the popup's own load.
   */
  verdictMs: number | undefined;
}

/** Polls the popup for `tabId` until `done` accepts what it shows. */
export function waitForPopup(
  browser: ExtensionBrowser,
  tabId: number,
  what: string,
  done: (state: PopupState) => boolean,
  timeoutMs = 10_000,
): Promise<PopupState> {
  return pollUntil(what, () => browser.tabState(tabId), done, { timeoutMs, intervalMs: 25 });
}

/**
 * Opens `url` in a new tab and waits until the popup shows a verdict made with the page's
 * own report (not the address alone); `until` can ask for more, such as a later change.
 */
export async function visit(
  browser: ExtensionBrowser,
  url: string,
  { until = () => true, timeoutMs = 10_000 }: { until?: (state: PopupState) => boolean; timeoutMs?: number } = {},
): Promise<Visit> {
  const page = await browser.context.newPage();
  const start = performance.now();
  await page.goto(url);
  const tabId = await browser.tabIdFor(page);
  const state = await waitForPopup(browser, tabId, `the verdict for ${url}`, (s) => s.hasPageSignals && until(s), timeoutMs);
  const ms = Math.round(performance.now() - start);
  const [navigationStart, storedAt] = await Promise.all([page.evaluate(() => performance.timeOrigin), browser.verdictStoredAt(tabId)]);
  const verdictMs = storedAt === undefined ? undefined : Math.round(storedAt - navigationStart);
  return { page, tabId, state, ms, verdictMs };
}

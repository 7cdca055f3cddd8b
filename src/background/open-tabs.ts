import browser from 'webextension-polyfill';
import { readTabState } from './tab-state-store';
import { documentOriginOf } from '../core/document-origin';
import { onTabNavigated } from './tab-verdicts';

/**
 * After an install or an update, the tabs already open have no state (storage.session starts
 * empty) and no badge. Judge each by its address so the toolbar is right at once.
 *
 * Their pages have no content script of ours either: Chromium runs declared content scripts
 * only in documents loaded after the install, and one injected now would come after the
 * page's own scripts, too late for the call hook and the password guard to come first. So
 * these verdicts stay address-only (no password-field findings, no alert, no guard) until
 * the page is reloaded.
 */
export async function judgeOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id !== undefined && url !== undefined) await onTabNavigated(id, url);
    }),
  );
}

/**
 * Each time the worker starts: pages whose reading it may have missed. A page parsed while the
 * worker was still starting (with the browser, after an update) fired its DOMContentLoaded
 * before the worker's listener was there; reading the tabs that have no page reading yet
 * closes that gap at once. A tab still loading gives nothing now and is read when parsed.
 */
export async function readUnreadTabs(readTab: (tabId: number) => Promise<void>): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      // Only web pages and the documents they make have our content script: the others would only refuse the injection.
      if (id === undefined || url === undefined || documentOriginOf(url).kind === 'none') return;
      const state = await readTabState(id);
      if (!state?.signals) await readTab(id);
    }),
  );
}

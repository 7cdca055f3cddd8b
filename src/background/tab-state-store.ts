import browser from 'webextension-polyfill';
import type { TabState } from '../protocol/messages';

/**
 * Per-tab verdicts live in `storage.session`: the service worker can be stopped at any
 * moment, and the popup must still find the tab's verdict when it starts again.
 */
const key = (tabId: number): string => `tab:${tabId}`;

export async function readTabState(tabId: number): Promise<TabState | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabState | undefined;
}

export async function writeTabState(state: TabState): Promise<void> {
  await browser.storage.session.set({ [key(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

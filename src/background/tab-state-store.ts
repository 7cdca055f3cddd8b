import browser from 'webextension-polyfill';
import type { TabState } from '../protocol/messages';

/**
 * Per-tab verdicts live in `storage.session`: the service worker can be stopped at any
 * moment, and the popup must still find the tab's verdict when it starts again.
 *
 * A copy stays in this worker's memory too, read first: `storage.session` is shared by every
 * tab and can be full, and then the badge and the in-page alert (set from the verdict in hand)
 * must not be contradicted by the popup while this worker lives. After a restart the popup
 * has its page read again (tab-verdicts' tabStateFor).
 */
const key = (tabId: number): string => `tab:${tabId}`;
const inMemory = new Map<number, TabState>();

export async function readTabState(tabId: number): Promise<TabState | undefined> {
  const held = inMemory.get(tabId);
  if (held) return held;
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabState | undefined;
}

/** Throws when the store refuses it (full); the copy in memory is kept either way. */
export async function writeTabState(state: TabState): Promise<void> {
  inMemory.set(state.tabId, state);
  await browser.storage.session.set({ [key(state.tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  inMemory.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}

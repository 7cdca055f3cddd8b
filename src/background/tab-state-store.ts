import browser from 'webextension-polyfill';
import type { TabState } from '../protocol/messages';
import { latestPerKey } from './one-at-a-time';

/**
 * Per-tab verdicts live in `storage.session`: the service worker can be stopped at any
 * moment, and the popup must still find the tab's verdict when it starts again.
 *
 * A copy stays in this worker's memory too, read first: `storage.session` is shared by every
 * tab and can be full, and then the badge and the in-page alert (set from the verdict in hand)
 * must not be contradicted by the popup while this worker lives. After a restart the popup
 * has its page read again (tab-verdicts' tabStateFor).
 *
 * The copy in memory changes the moment a state is written or removed; the store follows, one
 * write at a time per tab and only the newest (one-at-a-time's latestPerKey): in a burst of
 * tabs a tab's next verdict does not wait for the store, and the store is not asked to write
 * states already replaced.
 */
const key = (tabId: number): string => `tab:${tabId}`;
/** null: nothing is stored for the tab (this worker removed its state; the store may not have yet). */
const inMemory = new Map<number, TabState | null>();

const store = latestPerKey<number, TabState | null>((tabId, state) =>
  state ? browser.storage.session.set({ [key(tabId)]: state }) : browser.storage.session.remove(key(tabId)),
);

export async function readTabState(tabId: number): Promise<TabState | undefined> {
  const held = inMemory.get(tabId);
  if (held !== undefined) return held ?? undefined;
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabState | undefined;
}

/** The state this worker holds in memory, without asking the store (undefined: none held). */
export function peekTabState(tabId: number): TabState | undefined {
  return inMemory.get(tabId) ?? undefined;
}

/** Throws when the store refuses it (full); the copy in memory is kept either way. */
export function writeTabState(state: TabState): Promise<void> {
  inMemory.set(state.tabId, state);
  return store(state.tabId, state);
}

export function removeTabState(tabId: number): Promise<void> {
  inMemory.set(tabId, null);
  return store(tabId, null);
}

/** The tab closed: its state goes from the store, then from memory (unless something was stored for it meanwhile). */
export async function forgetTabState(tabId: number): Promise<void> {
  await removeTabState(tabId);
  if (inMemory.get(tabId) === null) inMemory.delete(tabId);
}

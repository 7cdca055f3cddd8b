import browser from 'webextension-polyfill';
import { sha256Hex } from '../core/sha256-hex';
import { listsFingerprint } from './allowlist-state';
import { resetCameraBlocks } from './camera-backstop';
import { onAllowlistChanged } from './tab-verdicts';

/**
 * The allowlist changed (a policy edit, a new remote list, the user's own list, the list in
 * force expiring): every open tab with a stored verdict is judged again, so badges and the
 * popup change without a reload. A tab whose verdict changed is asked to report, so its
 * in-page alert follows too.
 *
 * The worker sleeps and wakes all day, and each wake loads the same lists again: a hash of
 * what the stored verdicts were judged with, kept in `storage.session`, makes such a wake
 * cost nothing.
 */
const JUDGED_WITH_KEY = 'verdictsJudgedWithLists';

export async function rejudgeOpenTabs(readTab: (tabId: number) => Promise<void>): Promise<void> {
  const current = await sha256Hex(listsFingerprint());
  if ((await browser.storage.session.get(JUDGED_WITH_KEY))[JUDGED_WITH_KEY] === current) return;
  // The browser's camera settings under "block" follow the same lists (camera-backstop).
  await resetCameraBlocks().catch((error: unknown) => {
    console.error("Telehealth Guard: could not set the browser's camera settings for the new lists:", error);
  });
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id !== undefined && (await onAllowlistChanged(id))) await readTab(id);
    }),
  );
  await browser.storage.session.set({ [JUDGED_WITH_KEY]: current });
}

/** Several changes in one go (start-up loads three inputs) make one pass over the tabs, one pass at a time. */
let pending = false;
let running: Promise<void> = Promise.resolve();
export function scheduleRejudge(readTab: (tabId: number) => Promise<void>): void {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    running = running.then(() => rejudgeOpenTabs(readTab)).catch((error: unknown) => {
      console.error('Telehealth Guard: could not judge the open tabs again:', error);
    });
  }, 0);
}

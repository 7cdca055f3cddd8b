import browser from 'webextension-polyfill';
import type { ManagedPolicy } from '../core/lists/policy';
import type { RemoteListRecord } from '../protocol/admin-messages';
import { RETRY_AFTER_FAILURE_MS } from './remote-list';

/**
 * Alarms, because a service worker's timers die with it. Chrome keeps alarms while the
 * worker sleeps; after a browser restart the check on start-up takes over (list-inputs.ts).
 */
export const REFRESH_ALARM = 'remote-list-refresh';
export const RETRY_ALARM = 'remote-list-retry';
/** Fires when the list in force expires, so open pages get ALLOWLIST_STALE without a reload. */
export const EXPIRY_ALARM = 'remote-list-expires';

/** Every `refreshHours`; left alone when already set that way, so a wake-up never resets it. */
export async function scheduleRefresh(policy: ManagedPolicy): Promise<void> {
  if (policy.remoteAllowlistUrl === undefined) {
    await Promise.all([browser.alarms.clear(REFRESH_ALARM), browser.alarms.clear(RETRY_ALARM)]);
    return;
  }
  const minutes = policy.refreshHours * 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

export async function scheduleRetry(): Promise<void> {
  await browser.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_AFTER_FAILURE_MS / 60_000 });
}

export async function scheduleExpiry(inForce: RemoteListRecord | undefined, now = Date.now()): Promise<void> {
  const expires = inForce ? Date.parse(inForce.file.expires) : NaN;
  if (!(expires > now)) {
    await browser.alarms.clear(EXPIRY_ALARM);
    return;
  }
  // A second late, so the list is past its `expires` when the alarm fires.
  await browser.alarms.create(EXPIRY_ALARM, { when: expires + 1000 });
}

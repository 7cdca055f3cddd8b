import browser from 'webextension-polyfill';
import { notifyListsChanged, onListsChanged } from './allowlist-state';
import { onManagedPolicyChanged, startListInputs } from './list-inputs';
import { scheduleRejudge } from './rejudge-tabs';
import { refreshRemoteListNow } from './remote-refresh';
import { EXPIRY_ALARM, REFRESH_ALARM, RETRY_ALARM } from './remote-list-schedule';

function logFailure(what: string): (error: unknown) => void {
  return (error) => {
    console.error(`Telehealth Guard: could not ${what}:`, error);
  };
}

/**
 * The admin policy, the remote list and the user's list: listeners (on the worker's first
 * tick, like every other) and the start-up load. Called once from index.ts, with what reads a
 * tab's pages again when their verdict changed.
 */
export function registerAdminListeners(readTab: (tabId: number) => Promise<void>): void {
  const rejudge = (): void => {
    scheduleRejudge(readTab);
  };
  onListsChanged(rejudge);

  // Chrome: about 5 s after the policy file (or registry, or profile) changes.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') onManagedPolicyChanged().catch(logFailure('apply the changed policy'));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM || alarm.name === RETRY_ALARM) {
      startListInputs()
        .then(() => refreshRemoteListNow())
        .catch(logFailure('refresh the remote list'));
    } else if (alarm.name === EXPIRY_ALARM) {
      // Nothing changed but the time: the list in force is now expired.
      startListInputs()
        .then(() => {
          notifyListsChanged();
        })
        .catch(logFailure('mark the expired list'));
    }
  });

  // docs/admin.md: browsers fetch the list when they start, whatever the schedule says.
  browser.runtime.onStartup.addListener(() => {
    startListInputs()
      .then(() => refreshRemoteListNow())
      .catch(logFailure('refresh the remote list at start-up'));
  });

  // After a worker start, verdicts stored under other lists (changed while it slept) are redone.
  startListInputs()
    .then(rejudge)
    .catch(logFailure('load the admin policy and lists'));
}

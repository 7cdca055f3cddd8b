import { getPolicy, remoteListInForce, updateListInputs } from './allowlist-state';
import { oneAtATime } from './one-at-a-time';
import { checkRemoteList, isCheckDue, type CheckResult } from './remote-list';
import { fetchListAndSignature } from './remote-list-fetch';
import { scheduleExpiry, scheduleRetry } from './remote-list-schedule';
import { readRemoteRecord, readRemoteStatus, writeRemoteRecord, writeRemoteStatus } from './remote-list-store';

/**
 * Runs remote-list checks one at a time (the schedule, a policy change and "Check now" can
 * meet), stores what a check decided and puts the list in force.
 */
const queued = oneAtATime();

export function refreshRemoteListNow(): Promise<CheckResult['outcome']> {
  return queued(async () => {
    const [record, status] = await Promise.all([readRemoteRecord(), readRemoteStatus()]);
    const result = await checkRemoteList({ policy: getPolicy().policy, record, status, now: new Date(), fetchList: fetchListAndSignature });
    if (result.outcome === 'not-configured') return result.outcome;
    if (result.record && result.record !== record) await writeRemoteRecord(result.record);
    await writeRemoteStatus(result.status);
    updateListInputs({ remote: result.record });
    await scheduleExpiry(remoteListInForce());
    if (result.outcome === 'failed') await scheduleRetry();
    return result.outcome;
  });
}

/** On a worker start or a policy change: only when the schedule, a retry or a new address says so. */
export async function refreshRemoteListIfDue(): Promise<void> {
  if (isCheckDue(getPolicy().policy, await readRemoteStatus(), new Date())) await refreshRemoteListNow();
}

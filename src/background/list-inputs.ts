import { parsePolicy } from '../core/lists/policy';
import { getPolicy, markListsLoaded, remoteListInForce, updateListInputs } from './allowlist-state';
import { oneAtATime } from './one-at-a-time';
import { cachePolicy, POLICY_PATIENCE_MS, readCachedPolicy, readManagedPolicy } from './policy-source';
import { refreshRemoteListIfDue } from './remote-refresh';
import { scheduleExpiry, scheduleRefresh } from './remote-list-schedule';
import { readRemoteRecord } from './remote-list-store';
import { readUserAdditions } from './user-additions';

/**
 * Fills allowlist-state from storage when the worker starts, then keeps it current.
 *
 * Start-up order: the fast stored inputs first (cached policy, last good remote list, the
 * user's domains: milliseconds), which is what page verdicts wait for; then the slow
 * `storage.managed.get()` (seconds after a browser start), which replaces the cached policy
 * and may make a remote-list check due. Nothing here blocks a verdict on the network.
 */

let stored: Promise<void> | undefined;

function storedInputsLoaded(): Promise<void> {
  stored ??= (async () => {
    try {
      const [cached, remote, user] = await Promise.all([readCachedPolicy(), readRemoteRecord(), readUserAdditions()]);
      updateListInputs({ policy: parsePolicy(cached), remote, userDomains: user.map((item) => item.domain) });
    } catch (error) {
      console.error('Telehealth Guard: could not read the stored lists:', error);
    } finally {
      markListsLoaded();
    }
  })();
  return stored;
}

/** What follows a new policy, one at a time: the cache, the refresh alarm, a due list check. */
const followUp = oneAtATime();

/** Each read is numbered; an answer is applied only when it is newer than the last applied. */
let readsStarted = 0;
let lastApplied = 0;

/**
 * Reads the policy as the browser has it now and applies it. Reads are not queued behind
 * one another (an unanswered one must not hold up the next, made after a change); an older
 * read stops asking once a newer one has been applied, and its late answer is dropped.
 */
async function applyManagedPolicy(): Promise<void> {
  const read = ++readsStarted;
  await storedInputsLoaded();
  const raw = await readManagedPolicy(() => read > lastApplied);
  if (raw === undefined || read <= lastApplied) return;
  lastApplied = read;
  updateListInputs({ policy: parsePolicy(raw) });
  await followUp(async () => {
    if (JSON.stringify(raw) !== JSON.stringify(await readCachedPolicy())) await cachePolicy(raw);
    await scheduleRefresh(getPolicy().policy);
    // Alarms may not survive a browser restart: the list in force's expiry is set again.
    await scheduleExpiry(remoteListInForce());
    await refreshRemoteListIfDue();
  });
}

let started: Promise<void> | undefined;

/**
 * Once per worker: loads the stored inputs, then reads and applies the current policy. What
 * waits for it (the alarms, the start-up list check) waits for the fresh policy only as long
 * as the browser usually takes (POLICY_PATIENCE_MS) and then goes on with the cached one: a
 * browser that leaves the read unanswered must not hold up the remote list's expiry. The read
 * goes on, and applies the policy whenever the browser answers.
 */
export function startListInputs(): Promise<void> {
  started ??= (async () => {
    const applied = applyManagedPolicy().catch((error: unknown) => {
      console.error('Telehealth Guard: could not apply the managed policy:', error);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, POLICY_PATIENCE_MS);
    });
    await storedInputsLoaded();
    await Promise.race([applied, patience]);
    clearTimeout(timer);
  })();
  return started;
}

/** `storage.onChanged` for the managed area: read the whole policy again. */
export function onManagedPolicyChanged(): Promise<void> {
  return applyManagedPolicy();
}

export async function reloadUserAdditions(): Promise<void> {
  updateListInputs({ userDomains: (await readUserAdditions()).map((item) => item.domain) });
}

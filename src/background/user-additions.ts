import browser from 'webextension-polyfill';
import { z } from 'zod';
import { isStorageQuotaError, StorageFullError, storageFullMessage } from '../core/storage-full';
import { uiMessages } from '../ui-text/ui-messages';
import { oneAtATime } from './one-at-a-time';
import { readStoredValue } from './read-stored-value';

/**
 * The domains the user added to their own list (options page), in `storage.local`: kept
 * across restarts, never synced. Whether they count is decided elsewhere
 * (core/lists/list-layers: not when the policy locks the user's list, not for domains another
 * list knows).
 */
const KEY = 'userAllowlist';

const storedSchema = z.array(z.object({ domain: z.string(), addedAt: z.number() }));
export type UserAddition = z.infer<typeof storedSchema>[number];

export function readUserAdditions(): Promise<UserAddition[]> {
  return readStoredValue(browser.storage.local, KEY, storedSchema, [], 'user allowlist');
}

/**
 * A full `storage.local` fails the write with the browser's developer wording; the options
 * page shows a refusal's message as it is, so it becomes a plain sentence here.
 */
async function save(list: UserAddition[], what: string): Promise<void> {
  try {
    await browser.storage.local.set({ [KEY]: list });
  } catch (error) {
    if (isStorageQuotaError(error)) throw new StorageFullError(storageFullMessage(what, uiMessages()), { cause: error });
    throw error;
  }
}

/** Read-modify-write one at a time, so two quick clicks never lose one another. */
const queued = oneAtATime();
function update(change: (list: UserAddition[]) => UserAddition[], what: string): Promise<UserAddition[]> {
  return queued(async () => {
    const next = change(await readUserAdditions());
    await save(next, what);
    return next;
  });
}

export function addUserDomain(domain: string, at = Date.now()): Promise<UserAddition[]> {
  return update((list) => (list.some((item) => item.domain === domain) ? list : [...list, { domain, addedAt: at }]), domain);
}

export function removeUserDomain(domain: string): Promise<UserAddition[]> {
  // '' is "your change": the sentence is the user's language's own, with no English inside.
  return update((list) => list.filter((item) => item.domain !== domain), '');
}

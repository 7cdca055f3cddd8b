/**
 * `storage.local` has a quota (10 MB in Chrome without `unlimitedStorage`). When a write
 * goes over it the browser's own words are for developers (Chrome: "Resource::kQuotaBytes
 * quota exceeded", older versions "QUOTA_BYTES quota exceeded"; Firefox: a
 * QuotaExceededError), so the background says it plainly instead, and the options page
 * recognises either. Pure, with no imports: the options page bundles it.
 */

const QUOTA = /quota/i;
const PLAIN_START = "Your browser's storage for extensions is full";

/** Whether a storage write failed for lack of space. */
export function isStorageQuotaError(error: unknown): boolean {
  if (error instanceof Error) return QUOTA.test(error.message) || QUOTA.test(error.name);
  return typeof error === 'string' && QUOTA.test(error);
}

/** What to tell a user whose `what` (a site they added) could not be saved. */
export function storageFullMessage(what: string): string {
  return `${PLAIN_START}, so ${what} was not saved. Remove sites you no longer need from your own list, then try again; if that does not help, ask your clinic's IT team.`;
}

/** Whether a message is already the plain one (it reads as a sentence of its own). */
export function isStorageFullMessage(message: string): boolean {
  return message.startsWith(PLAIN_START);
}

import type { Messages } from './i18n/messages';

/**
 * `storage.local` has a quota (10 MB in Chrome without `unlimitedStorage`). When a write
 * goes over it the browser's own words are for developers (Chrome: "Resource::kQuotaBytes
 * quota exceeded", older versions "QUOTA_BYTES quota exceeded"; Firefox: a
 * QuotaExceededError), so the background says it plainly instead (StorageFullError). Pure:
 * the options page bundles it.
 */

const QUOTA = /quota/i;

/** Whether a storage write failed for lack of space. */
export function isStorageQuotaError(error: unknown): boolean {
  if (error instanceof Error) return QUOTA.test(error.message) || QUOTA.test(error.name);
  return typeof error === 'string' && QUOTA.test(error);
}

/** What to tell a user whose site (the one they added, or trusted: `trusted`) could not be saved; '' for "your change". */
export function storageFullMessage(site: string, m: Messages, trusted = false): string {
  if (site === '') return m.text('storageFullChange');
  return m.text(trusted ? 'storageFullTrust' : 'storageFull', site);
}

/**
 * A write refused for lack of space, said in the user's words. Its `reason` travels with the
 * reply (protocol/router), so the page knows the sentence is already the plain one.
 */
export class StorageFullError extends Error {
  readonly reason = 'storage-full';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}

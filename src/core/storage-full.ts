import { SUBSTITUTION_MARK, type Messages } from './i18n/messages';

/**
 * `storage.local` has a quota (10 MB in Chrome without `unlimitedStorage`). When a write
 * goes over it the browser's own words are for developers (Chrome: "Resource::kQuotaBytes
 * quota exceeded", older versions "QUOTA_BYTES quota exceeded"; Firefox: a
 * QuotaExceededError), so the background says it plainly instead, and the options page
 * recognises either. Pure: the options page bundles it.
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

/** Where the site's name goes, to find where the sentence starts to differ. */
const MARK = SUBSTITUTION_MARK;

/** Whether a message is already the plain one: it starts as every form of the sentence does, up to what was not saved. */
export function isStorageFullMessage(message: string, m: Messages): boolean {
  const [site, change] = [m.text('storageFull', MARK), m.text('storageFullChange')];
  let length = 0;
  while (length < site.length && site[length] === change[length] && site[length] !== MARK) length++;
  return length > 0 && message.startsWith(site.slice(0, length));
}

import browser from 'webextension-polyfill';
import { defaultParameters, fingerprintOf, newSalt } from '../core/passwords/fingerprint';
import {
  PROTECTED_PASSWORDS_KEY,
  protectedPasswordsSchema,
  reusedPlatforms,
  withoutProtected,
  withProtected,
  type ProtectedPasswords,
  type ProtectedPlatform,
  type SignInPlatform,
} from '../core/passwords/protected-passwords';
import { oneAtATime } from './one-at-a-time';
import { readStoredValue } from './read-stored-value';

/**
 * The fingerprints of protected passwords, in `storage.local` only: never synced (sync would
 * copy them to the vendor's servers), never sent. The password given to `protect` or `check`
 * lives only in the call's arguments, until its fingerprint is computed.
 */

/** An install's first store: a new random salt, the current parameters, nothing protected. */
const emptyStore = (): ProtectedPasswords => ({ version: 1, ...defaultParameters(newSalt()), platforms: [] });

/** The store in memory once read: a check must not wait for storage on every keystroke. */
let cached: ProtectedPasswords | undefined;

async function read(): Promise<ProtectedPasswords> {
  // An unreadable store (a bug: only this module writes it) is said aloud and replaced by an empty one.
  if (cached) return cached;
  const stored: ProtectedPasswords | null = await readStoredValue(browser.storage.local, PROTECTED_PASSWORDS_KEY, protectedPasswordsSchema, null, 'protected passwords');
  cached = stored ?? emptyStore();
  return cached;
}

const queued = oneAtATime();
function update(change: (store: ProtectedPasswords) => Promise<ProtectedPasswords> | ProtectedPasswords): Promise<ProtectedPasswords> {
  return queued(async () => {
    const next = await change(await read());
    await browser.storage.local.set({ [PROTECTED_PASSWORDS_KEY]: next });
    cached = next;
    return next;
  });
}

// Another context of the extension (none today) or a browser data wipe changed the store: read it again.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && PROTECTED_PASSWORDS_KEY in changes) cached = undefined;
});

export async function protectedPlatforms(): Promise<ProtectedPlatform[]> {
  return (await read()).platforms;
}

/** Remembers the fingerprint of `password` as `platform`'s, with today's date. */
export function protectPassword(platform: SignInPlatform, password: string, at = Date.now()): Promise<void> {
  return update(async (store) => withProtected(store, platform, await fingerprintOf(password, store), at)).then(() => undefined);
}

/** The protected platforms whose password `password` is, typed on `host` (none on their own sites). */
export async function platformsReusedBy(password: string, host: string): Promise<ProtectedPlatform[]> {
  const store = await read();
  if (store.platforms.length === 0) return [];
  return reusedPlatforms(store, await fingerprintOf(password, store), host);
}

/** Forgets one platform's fingerprint (`domain`), or every one (`undefined`). */
export function forgetProtected(domain: string | undefined): Promise<void> {
  return update((store) => withoutProtected(store, domain)).then(() => undefined);
}

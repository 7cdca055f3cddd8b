import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { Dismissal } from '../protocol/messages';
import { oneAtATime } from './one-at-a-time';
import { readStoredValue } from './read-stored-value';

/**
 * The look-alike sites the user chose to trust, in `storage.local`: kept across browser
 * restarts (unlike tab state) and never synced, since it says which sites the user visits.
 * Keyed by host, so trusting a site twice keeps one entry with the latest date.
 */
const KEY = 'lookalikeDismissals';

const storedSchema = z.record(
  z.string(),
  z.object({ host: z.string(), target: z.string(), at: z.number() }),
);
type Stored = z.infer<typeof storedSchema>;

/** An unreadable list counts as empty: guard again rather than trust sites nobody can list. */
function read(): Promise<Stored> {
  return readStoredValue(browser.storage.local, KEY, storedSchema, {}, 'trusted-site list');
}

/** Read-modify-write runs one at a time, so two quick changes never lose one another. */
const queued = oneAtATime();
function update<T>(change: (stored: Stored) => { next: Stored; result: T }): Promise<T> {
  return queued(async () => {
    const { next, result } = change(await read());
    await browser.storage.local.set({ [KEY]: next });
    return result;
  });
}

export async function listDismissals(): Promise<Dismissal[]> {
  return Object.values(await read()).sort((a, b) => b.at - a.at);
}

export async function trustedHosts(): Promise<ReadonlySet<string>> {
  return new Set(Object.keys(await read()));
}

export function addDismissal(host: string, target: string, at = Date.now()): Promise<Dismissal> {
  return update((stored) => {
    const dismissal: Dismissal = { host, target, at };
    return { next: { ...stored, [host]: dismissal }, result: dismissal };
  });
}

/** False when the host was not trusted. */
export function removeDismissal(host: string): Promise<boolean> {
  return update((stored) => {
    const { [host]: removed, ...rest } = stored;
    return { next: rest, result: removed !== undefined };
  });
}

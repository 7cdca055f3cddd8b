import browser from 'webextension-polyfill';
import { z } from 'zod';
import { allowlistFileSchema } from '../core/lists/allowlist-file';
import type { RemoteListRecord, RemoteListStatus } from '../protocol/admin-messages';
import { readStoredValue } from './read-stored-value';
import type { MessageKey } from '../core/i18n/messages';

/**
 * The last good remote list and the history of attempts, in `storage.local`, so both
 * survive a stopped service worker and a browser restart: after a restart the list is in
 * force before the network is asked anything.
 */
const RECORD_KEY = 'remoteList';
const STATUS_KEY = 'remoteListStatus';

const recordSchema = z.object({
  url: z.string(),
  file: allowlistFileSchema.extend({ expires: z.string() }),
  sha256: z.string(),
  signedBy: z.string(),
  etag: z.string().optional(),
  acceptedAt: z.number(),
});

/** A problem's sentence (core/lists/problem-words); a key no catalog has is said as "cannot be used" by the page. */
const sentenceSchema = z.object({ key: z.custom<MessageKey>((key) => typeof key === 'string'), values: z.array(z.string()).optional() });

const failureSchema = z.object({
  at: z.number(),
  reason: z.string(),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string(), says: z.array(sentenceSchema).optional() })).optional(),
});

const statusSchema = z.object({
  checkedFor: z.string().optional(),
  lastAttemptAt: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  lastFailure: failureSchema.optional(),
});

export function readRemoteRecord(): Promise<RemoteListRecord | undefined> {
  return readStoredValue(browser.storage.local, RECORD_KEY, recordSchema, undefined);
}

export async function writeRemoteRecord(record: RemoteListRecord): Promise<void> {
  await browser.storage.local.set({ [RECORD_KEY]: record });
}

export function readRemoteStatus(): Promise<RemoteListStatus> {
  return readStoredValue(browser.storage.local, STATUS_KEY, statusSchema, {});
}

export async function writeRemoteStatus(status: RemoteListStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

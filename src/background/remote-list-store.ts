import browser from 'webextension-polyfill';
import { z } from 'zod';
import { allowlistFileSchema } from '../core/allowlist-file';
import type { RemoteListRecord, RemoteListStatus } from '../protocol/admin-messages';

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

const failureSchema = z.object({
  at: z.number(),
  reason: z.string(),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const statusSchema = z.object({
  checkedFor: z.string().optional(),
  lastAttemptAt: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  lastFailure: failureSchema.optional(),
});

/** Only this file writes these keys; an unreadable value is a bug, said out loud and dropped. */
async function read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const raw = (await browser.storage.local.get(key))[key];
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.error(`Telehealth Guard: ignoring unreadable ${key}:`, parsed.error.message);
  return undefined;
}

export function readRemoteRecord(): Promise<RemoteListRecord | undefined> {
  return read(RECORD_KEY, recordSchema);
}

export async function writeRemoteRecord(record: RemoteListRecord): Promise<void> {
  await browser.storage.local.set({ [RECORD_KEY]: record });
}

export async function readRemoteStatus(): Promise<RemoteListStatus> {
  return (await read(STATUS_KEY, statusSchema)) ?? {};
}

export async function writeRemoteStatus(status: RemoteListStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

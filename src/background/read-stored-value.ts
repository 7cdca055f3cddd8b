import type { Storage } from 'webextension-polyfill';
import type { z } from 'zod';

/**
 * A value the extension stored under `key`, checked against its schema; `fallback` when there
 * is none. Only the extension writes its keys, so a value that fails the schema is a bug, not
 * an attack: it is said out loud (naming `what`) and `fallback` is used instead.
 */
export async function readStoredValue<T, F>(
  area: Pick<Storage.StorageArea, 'get'>,
  key: string,
  schema: z.ZodType<T>,
  fallback: F,
  what = key,
): Promise<T | F> {
  const raw = (await area.get(key))[key];
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.error(`Telehealth Guard: ignoring unreadable ${what}:`, parsed.error.message);
  return fallback;
}

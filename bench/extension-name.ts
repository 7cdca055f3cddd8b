/**
 * An unpacked extension's name as Chromium shows it, which is also the name of the isolated
 * world its content scripts run in: the page-cost bench checks each side's own world by it.
 * A name of `__MSG_key__` form (Privacy Badger's) comes from `_locales/<default_locale>/
 * messages.json`, as Chromium resolves it in a browser with that locale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManifestFields {
  name?: unknown;
  default_locale?: unknown;
  background?: { service_worker?: unknown };
}

export type Messages = Record<string, { message?: unknown } | undefined>;

const MESSAGE = /__MSG_([A-Za-z0-9_@]+?)__/g;

/** The manifest's name with its `__MSG_key__` parts replaced; message keys are case-insensitive, as in Chromium. */
export function localisedName(manifest: ManifestFields, messages: Messages | undefined): string {
  if (typeof manifest.name !== 'string' || manifest.name === '') throw new Error('bench: the manifest has no name');
  const byKey = new Map(Object.entries(messages ?? {}).map(([key, entry]) => [key.toLowerCase(), entry?.message]));
  return manifest.name.replace(MESSAGE, (_, key: string) => {
    const message = byKey.get(key.toLowerCase());
    if (typeof message !== 'string') throw new Error(`bench: the manifest's name uses message "${key}", which its default locale does not have`);
    return message;
  });
}

export interface ExtensionDir {
  dir: string;
  /** Its name, and its isolated world's. */
  name: string;
  /** A background service worker to wait for after launch. */
  hasServiceWorker: boolean;
}

export function readExtension(dir: string): ExtensionDir {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`bench: ${dir} has no manifest.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestFields;
  const locale = typeof manifest.default_locale === 'string' ? manifest.default_locale : undefined;
  const messagesPath = locale === undefined ? undefined : join(dir, '_locales', locale, 'messages.json');
  const messages = messagesPath !== undefined && existsSync(messagesPath) ? (JSON.parse(readFileSync(messagesPath, 'utf8')) as Messages) : undefined;
  return { dir, name: localisedName(manifest, messages), hasServiceWorker: typeof manifest.background?.service_worker === 'string' };
}

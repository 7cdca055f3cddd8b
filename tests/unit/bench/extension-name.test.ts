import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localisedName, readExtension } from '../../../bench/extension-name';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function extension(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thg-extension-name-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content));
  }
  return dir;
}

describe("an extension's name, which its isolated world takes", () => {
  it('is the manifest name as it stands', () => {
    expect(localisedName({ name: 'Check by CyberDrain' }, undefined)).toBe('Check by CyberDrain');
  });

  it('replaces __MSG_key__ with the default locale message, keys in any case, within a longer name too', () => {
    const messages = { name: { message: 'Privacy Badger' }, Edition: { message: 'Beta' } };
    expect(localisedName({ name: '__MSG_name__' }, messages)).toBe('Privacy Badger');
    expect(localisedName({ name: '__MSG_NAME__ (__MSG_edition__)' }, messages)).toBe('Privacy Badger (Beta)');
  });

  it('refuses a message the locale does not have, and a manifest without a name', () => {
    expect(() => localisedName({ name: '__MSG_missing__' }, { name: { message: 'x' } })).toThrow(/"missing"/);
    expect(() => localisedName({}, undefined)).toThrow(/no name/);
  });

  it('reads the manifest and _locales/<default_locale>/messages.json from the folder', () => {
    const dir = extension({
      'manifest.json': { name: '__MSG_name__', default_locale: 'en_US', background: { service_worker: 'js/background.js' } },
      '_locales/en_US/messages.json': { name: { message: 'Privacy Badger', description: 'The name of this extension.' } },
      '_locales/de/messages.json': { name: { message: 'Datenschutz-Dachs' } },
    });
    expect(readExtension(dir)).toEqual({ dir, name: 'Privacy Badger', hasServiceWorker: true });
  });

  it('knows an extension without a service worker, and refuses a folder without a manifest', () => {
    const dir = extension({ 'manifest.json': { name: 'Plain', content_scripts: [] } });
    expect(readExtension(dir).hasServiceWorker).toBe(false);
    expect(() => readExtension(join(dir, 'nowhere'))).toThrow(/no manifest.json/);
  });
});

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIST } from '../../demo/browser';

/** The content script runs in every page: it carries no schema library or list data. */
// Guard, alert, camera prompt and chat caution fit in 40 KB; the webextension-polyfill is 10 KB of it.
const CONTENT_SCRIPT_BUDGET_BYTES = 40 * 1024;

describe('the built extension', () => {
  const manifest = JSON.parse(readFileSync(`${DEFAULT_DIST}manifest.json`, 'utf8')) as {
    content_scripts: { js: string[]; matches: string[] }[];
    web_accessible_resources?: unknown[];
    permissions: string[];
  };

  it('keeps each content script (the page-world hook and the content script) small and free of zod and list data', () => {
    const files = manifest.content_scripts.flatMap((script) => script.js);
    expect(files).toHaveLength(2);
    for (const file of files) {
      const code = readFileSync(`${DEFAULT_DIST}${file}`);
      console.log(`content script ${file}: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} gzipped`);
      expect(code.length).toBeLessThan(CONTENT_SCRIPT_BUDGET_BYTES);
      expect(code.toString()).not.toContain('ZodError');
      expect(code.toString()).not.toContain('doxy.me');
    }
  });

  it('exposes no web-accessible resources that would let sites detect it', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('asks for no more permissions than it uses', () => {
    // alarms: the remote list's refresh schedule. scripting and webNavigation: the background
    // reads each page when it has been parsed (protocol/page-api). Host access only where the
    // content scripts run anyway, so the install prompt asks for nothing more than they do.
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'tabs', 'webNavigation']);
    const pages = (manifest as { host_permissions?: string[] }).host_permissions;
    expect([...(pages ?? [])].sort()).toEqual([...new Set(manifest.content_scripts.flatMap((script) => script.matches))].sort());
  });

  it('ships the managed-storage schema it names: without it Chromium refuses the whole extension', () => {
    const { storage } = manifest as { storage?: { managed_schema?: string } };
    expect(storage?.managed_schema).toBe('schema.json');
    expect(JSON.parse(readFileSync(`${DEFAULT_DIST}schema.json`, 'utf8'))).toHaveProperty('properties.remoteAllowlistUrl');
  });
});

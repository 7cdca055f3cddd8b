import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIST } from '../../demo/browser';

/**
 * The content scripts run in every page and frame, which compiles them at each load (about
 * 0.3 ms per 10 KB): they carry no schema library, no list data, no webextension-polyfill,
 * and none of what a page is shown (content/page-ui-contract). The password watch's listeners
 * (content/password-watch-stub: they must hear the user's keys from the start) took the content
 * script from 16.2 to 17.6 KB; the watch itself and the new-password rater are scripts of their
 * own, injected where there is something to do (checked below).
 */
const CONTENT_SCRIPT_BUDGET_BYTES = 18 * 1024;
/** The page UI, injected where something is shown: the alert, the overlay, the prompts and their texts. */
const PAGE_UI_FILE = 'src/content/page-ui.js';

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
      // No eager-compile hint: most documents (frames, pages with nothing to show) run few of the functions.
      expect(code.toString()).not.toContain('allFunctionsCalledOnLoad');
    }
  });

  it('builds the page UI as a script of its own, which no page gets unless the background injects it', () => {
    const code = readFileSync(`${DEFAULT_DIST}${PAGE_UI_FILE}`, 'utf8');
    expect(code).toContain('telehealth-guard-alert');
    expect(code).not.toContain('ZodError');
    expect(manifest.content_scripts.flatMap((script) => script.js)).not.toContain(PAGE_UI_FILE);
    for (const file of manifest.content_scripts.flatMap((script) => script.js)) {
      const script = readFileSync(`${DEFAULT_DIST}${file}`, 'utf8');
      expect(script).not.toContain('telehealth-guard-overlay');
      expect(script).not.toContain('browser-polyfill');
      expect(script).not.toContain('wrapAPIs');
    }
  });

  it('builds the new-password rater (zxcvbn-ts and its dictionaries) as a script of its own, which no page gets unless the background injects it', () => {
    const raterFile = 'src/content/password-rater.js';
    // zxcvbn-ts's own English feedback: in the rater, in no script every page runs.
    const feedback = 'This is a commonly used password';
    expect(readFileSync(`${DEFAULT_DIST}${raterFile}`, 'utf8')).toContain(feedback);
    expect(manifest.content_scripts.flatMap((script) => script.js)).not.toContain(raterFile);
    for (const file of manifest.content_scripts.flatMap((script) => script.js)) {
      expect(readFileSync(`${DEFAULT_DIST}${file}`, 'utf8')).not.toContain(feedback);
    }
    // The password watch too: every page has its listeners, only pages typed in (with something to watch) get the watch.
    expect(readFileSync(`${DEFAULT_DIST}src/content/password-watch-entry.js`, 'utf8')).toContain('telehealthGuardPasswordWatch');
    expect(manifest.content_scripts.flatMap((script) => script.js)).not.toContain('src/content/password-watch-entry.js');
  });

  it('exposes no web-accessible resources that would let sites detect it', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('asks for no more permissions than it uses', () => {
    // alarms: the remote list's refresh schedule. scripting and webNavigation: the background
    // reads each page when it has been parsed (protocol/page-api). Host access only where the
    // content scripts run anyway, so the install prompt asks for nothing more than they do.
    // contentSettings: under the clinic's camera "block", the browser's own camera setting per
    // site closes the routes no page-world hook can reach (background/camera-backstop).
    // webRequest: tracker requests observed (never blocking), filtered to the catalog's endpoints;
    // declarativeNetRequestWithHostAccess: the clinic's tracker "block", within the host access
    // the content scripts already have, so no new install warning (background/tracker-blocking).
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'contentSettings', 'declarativeNetRequestWithHostAccess', 'scripting', 'storage', 'tabs', 'webNavigation', 'webRequest']);
    const pages = (manifest as { host_permissions?: string[] }).host_permissions;
    expect([...(pages ?? [])].sort()).toEqual([...new Set(manifest.content_scripts.flatMap((script) => script.matches))].sort());
  });

  it('ships the managed-storage schema it names: without it Chromium refuses the whole extension', () => {
    const { storage } = manifest as { storage?: { managed_schema?: string } };
    expect(storage?.managed_schema).toBe('schema.json');
    expect(JSON.parse(readFileSync(`${DEFAULT_DIST}schema.json`, 'utf8'))).toHaveProperty('properties.remoteAllowlistUrl');
  });
});

/**
 * One manifest.json, made for each browser at build time: `dist/` for Chromium and
 * `dist-firefox/` for Firefox come from the same sources and the same manifest, with only
 * what a browser refuses, ignores or needs of its own changed here. Pure: the build and its
 * unit test use the same function.
 */

export type TargetBrowser = 'chrome' | 'firefox';

/** Firefox names an add-on by this ID; an admin's `ExtensionSettings` and `3rdparty` policy use it. */
export const GECKO_ID = 'telehealth-guard@telehealth-guard.org';

/**
 * 140 is the ESR line Debian ships and the first with `data_collection_permissions`; content
 * scripts in the page's own world (`world: "MAIN"`, the camera hook) need 128.
 */
export const GECKO_MIN_VERSION = '140.0';

/** Chromium permissions Firefox has no API for: listing them only earns a lint warning. */
const CHROMIUM_ONLY_PERMISSIONS = new Set(['contentSettings']);

export type Json = Record<string, unknown>;

/** `object` without the keys in `drop`. */
export function without(object: Json, drop: readonly string[]): Json {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !drop.includes(key)));
}

/** Manifest keys Chromium reads and Firefox does not know; `storage` holds only the managed-storage schema, which Firefox does not take. */
const CHROMIUM_ONLY_KEYS = ['key', 'minimum_chrome_version', 'storage'];

export function manifestFor<T extends Json>(manifest: T, browser: TargetBrowser): T {
  if (browser === 'chrome') return manifest;
  // Firefox takes no managed-storage schema: an admin's values arrive unvalidated, and the
  // background validates every policy value itself (core/lists/policy.ts).
  const firefox = without(structuredClone(manifest), CHROMIUM_ONLY_KEYS);

  // Firefox runs the background as an event page: `scripts`, not `service_worker`.
  const background = firefox.background as { service_worker?: string; type?: string } | undefined;
  if (background?.service_worker === undefined) throw new Error('manifest.json: background.service_worker is missing');
  firefox.background = { scripts: [background.service_worker], type: background.type ?? 'module' };

  const permissions = firefox.permissions as string[] | undefined;
  if (permissions !== undefined) firefox.permissions = permissions.filter((permission) => !CHROMIUM_ONLY_PERMISSIONS.has(permission));

  firefox.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // The extension collects nothing and sends nothing (the one request it may make is to
      // the admin's list URL, which carries no data): Firefox shows this at install.
      data_collection_permissions: { required: ['none'] },
    },
  };
  return firefox as T;
}

/** Where each browser's build goes. */
export function outDirFor(browser: TargetBrowser): string {
  return browser === 'firefox' ? 'dist-firefox' : 'dist';
}

import { without, type Json, type TargetBrowser } from '../build/browser-manifest';

/**
 * What a store package holds: the built extension, and nothing a store or a user has no use
 * for. The build writes no source maps and takes no test or demo file; this is the check that
 * it stays so, and the store's own manifest rule.
 */
const NEVER_PACKAGED: readonly { rule: RegExp; why: string }[] = [
  { rule: /\.map$/, why: 'a source map' },
  { rule: /(^|\/)(tests?|demo|e2e)(\/|$)|\.test\.[jt]sx?$/, why: 'a test or demo file' },
  { rule: /(^|\/)\./, why: 'a hidden file' },
];

/** Why `path` must not be in a store package, or undefined when it may be. */
export function refusedFromPackage(path: string): string | undefined {
  return NEVER_PACKAGED.find(({ rule }) => rule.test(path))?.why;
}

/**
 * Files of one browser's build that the other browser's package leaves out: the managed-storage
 * schema is Chromium's (Firefox checks no schema; the Firefox manifest does not name it).
 */
export function leftOutOf(browser: TargetBrowser, path: string): boolean {
  return browser === 'firefox' && path === 'schema.json';
}


/**
 * The manifest as the store takes it. The Chrome Web Store refuses a manifest with a `key`
 * ("key field is not allowed in manifest"): the store signs the package with its own key, so
 * the ID of a store install is the store's; the fixed key is for unpacked and self-hosted use.
 */
export function storeManifest(manifest: Json, browser: TargetBrowser): Json {
  if (browser === 'firefox') return manifest;
  return without(manifest, ['key']);
}

export function packageFileName(browser: TargetBrowser, version: string): string {
  return `telehealth-guard-${browser}-${version}.zip`;
}

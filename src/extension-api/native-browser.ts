import { ownGlobal } from './own-global';

/**
 * The browser's own promise-based extension API, by webextension-polyfill's own test
 * (`globalThis.browser && browser.runtime && browser.runtime.id`): where it passes (Firefox,
 * Safari, Chrome 148 and later) the polyfill hands out that very object. Kept apart from
 * extension-api so that code which needs only this test does not bundle the polyfill.
 *
 * Read as the global's own property: where the browser has none, a page's `<form name="browser">`
 * would otherwise be `browser` in a content script's world too (see own-global).
 */
export function nativeBrowserOf(scope: object): object | undefined {
  const browser = ownGlobal(scope, 'browser') as { runtime?: { id?: unknown } } | undefined;
  // Truthiness, as the polyfill tests it: an id is a non-empty string.
  return browser?.runtime?.id ? browser : undefined;
}

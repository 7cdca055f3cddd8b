import type Polyfill from 'webextension-polyfill';
import { nativeBrowserOf } from './native-browser';

/**
 * The promise-based extension API (`browser`) for every entry point: content script,
 * background, popup. vite.config.ts points the bare 'webextension-polyfill' import here, so
 * `import browser from 'webextension-polyfill'` anywhere in src/ gets this module's default.
 *
 * Browser APIs still come through webextension-polyfill, as the project card requires, and it
 * stays the path for every browser that needs it (Chrome before 148, which has no `browser`).
 * This module only decides, with the polyfill's own test, when it is not needed: the polyfill
 * (dist/browser-polyfill.js, 0.12) checks `globalThis.browser && globalThis.browser.runtime &&
 * globalThis.browser.runtime.id` and, when the browser has it (Firefox, Safari, Chrome 148 and
 * later), exports that very object unwrapped. We do the same check first and hand out that same
 * object, so what the code gets is unchanged on every browser.
 *
 * Why not simply `import browser from 'webextension-polyfill'`: the polyfill is a CommonJS
 * module, and the bundler's interop for a default import (`__toESM`) copies every own property
 * of its export onto a new object, reading each property's descriptor. With a native `browser`
 * that export is the browser's own namespace object, and reading a descriptor makes Chrome build
 * that API namespace (alarms, app, bookmarks, ... most of which the extension never uses):
 * about 2.4 ms of main-thread time in every page and frame, at document_start, measured with
 * the polyfill's own start-up (bench/page-cost.ts). A `require()` of the polyfill's file is
 * bundled as a plain call of its CommonJS wrapper, with no copy, and runs only where needed.
 */

export type ExtensionApi = Polyfill.Browser;

/** The browser's own API when it has one (by the polyfill's own test), otherwise what `loadPolyfill` gives. */
export function chooseExtensionApi(scope: object, loadPolyfill: () => ExtensionApi): ExtensionApi {
  return (nativeBrowserOf(scope) as ExtensionApi | undefined) ?? loadPolyfill();
}

function loadPolyfill(): ExtensionApi {
  // The file, not the package name: vite.config.ts sends the package name to this module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled as a direct call of the CommonJS wrapper: no interop copy (see above)
  return require('webextension-polyfill/dist/browser-polyfill.js') as ExtensionApi;
}

/** Background and extension pages (the content scripts send through runtime-message): the API, chosen at once. */
export default /* @__PURE__ */ chooseExtensionApi(globalThis, loadPolyfill);

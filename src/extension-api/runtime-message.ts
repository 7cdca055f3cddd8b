import { nativeBrowserOf } from './native-browser';
import { ownGlobal } from './own-global';

/**
 * `runtime.sendMessage` for the content scripts, the one extension API they use, without
 * webextension-polyfill: compiled into the script every page and frame gets at
 * document_start, its 10 KB would cost each of them about 0.4 ms (bench/page-cost.ts), while
 * this one call needs none of it. Where the browser has its own promise-based `browser` it is
 * what the polyfill itself would hand out; elsewhere (Chrome before 148) Manifest V3's
 * `chrome.runtime.sendMessage` returns a promise when given no callback, which is all the
 * polyfill would add here. The rest of the extension goes through the polyfill.
 */

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

export function runtimeOf(scope: object): Runtime | undefined {
  const native = nativeBrowserOf(scope) as { runtime: Runtime } | undefined;
  return native?.runtime ?? (ownGlobal(scope, 'chrome') as { runtime?: Runtime } | undefined)?.runtime;
}

export function sendRuntimeMessage(message: unknown, scope: object = globalThis): Promise<unknown> {
  const runtime = runtimeOf(scope);
  if (!runtime) return Promise.reject(new Error('no extension runtime in this world (was the extension removed?)'));
  return runtime.sendMessage(message);
}

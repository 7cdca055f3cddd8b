import { SHADOW_ROOT_TEXT } from './call-events';
import type { Intrinsics } from './intrinsics';
import type { HookChannel } from './private-channel';

/**
 * Tells the content script, once per document, that the page has attached a shadow root, open
 * or closed. Looking for password fields inside shadow roots means touching every element
 * that could host one, about 1 ms on an ordinary article, and looking into closed ones means
 * the extension API: pages that never attach one (most of them) are spared both. A page that
 * takes the browser's own attachShadow before this runs cannot: this runs first.
 */
export function noticeShadowRoots(win: Window & typeof globalThis, channel: HookChannel, { apply, defineProperty }: Intrinsics): void {
  const proto = (win as { Element?: { prototype: Element } }).Element?.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the element as `this`
  const attachShadow = proto?.attachShadow;
  if (!proto || typeof attachShadow !== 'function') return;
  let told = false;
  defineProperty(proto, 'attachShadow', {
    value: function (this: Element, ...args: unknown[]): ShadowRoot {
      const root = apply(attachShadow, this, args) as ShadowRoot;
      if (!told) {
        told = true;
        channel.send(SHADOW_ROOT_TEXT);
      }
      return root;
    },
    writable: true,
    configurable: true,
  });
}

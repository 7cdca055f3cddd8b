/**
 * Tells the content script, once per document, that the page has attached an open shadow
 * root. Looking for password fields inside shadow roots means touching every element that
 * could host one, about 1 ms on an ordinary article; pages that never attach one (most of
 * them) are spared it. Like every event from this world it is a hint the page can forge or
 * withhold: what it hides this way (a field in a shadow root of its own) it could hide as well
 * in a closed shadow root, which no content script looks into.
 */
export const SHADOW_ROOT_EVENT = 'telehealth-guard:shadow-root';

export function noticeShadowRoots(win: Window & typeof globalThis, channel: EventTarget): void {
  const proto = (win as { Element?: { prototype: Element } }).Element?.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this`
  const attachShadow = proto?.attachShadow;
  if (!proto || typeof attachShadow !== 'function') return;
  let told = false;
  Object.defineProperty(proto, 'attachShadow', {
    value: function (this: Element, init: ShadowRootInit): ShadowRoot {
      const root = attachShadow.call(this, init);
      if (!told && init.mode === 'open') {
        told = true;
        channel.dispatchEvent(new CustomEvent(SHADOW_ROOT_EVENT));
      }
      return root;
    },
    writable: true,
    configurable: true,
  });
}

import { HANDSHAKE_EVENT, TO_CONTENT_EVENT, TO_HOOK_EVENT, type HookChannel } from '../main-world/private-channel';

/**
 * The content script's end of the channel to the page-world hook (main-world/private-channel):
 * opened at document_start, before any script of the page, by handing the hook an event
 * target the page never sees. Everything the hook says arrives here and nowhere else; nothing
 * the page dispatches can. A bare EventTarget, not an element: making an element would build
 * the element interfaces in this world in every document, most of which never need them.
 */
export function openHookChannel(win: Window): HookChannel {
  const node = new EventTarget();
  win.dispatchEvent(new FocusEvent(HANDSHAKE_EVENT, { relatedTarget: node }));
  return {
    send: (detail) => {
      node.dispatchEvent(new CustomEvent(TO_HOOK_EVENT, { detail }));
    },
    onMessage: (handler) => {
      node.addEventListener(TO_CONTENT_EVENT, (event) => {
        handler((event as CustomEvent<unknown>).detail);
      });
    },
  };
}

import { HANDSHAKE_EVENT, TO_CONTENT_EVENT, TO_HOOK_EVENT, type HookChannel } from '../main-world/private-channel';
import { createElement } from './safe-dom';

/**
 * The content script's end of the channel to the page-world hook (main-world/private-channel):
 * opened at document_start, before any script of the page, by handing the hook an element the
 * page never sees. Everything the hook says arrives here and nowhere else; nothing the page
 * dispatches can.
 */
export function openHookChannel(win: Window, doc: Document): HookChannel {
  const node = createElement(doc, 'span');
  win.dispatchEvent(new MouseEvent(HANDSHAKE_EVENT, { relatedTarget: node }));
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

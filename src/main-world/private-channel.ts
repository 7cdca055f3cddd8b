import type { Intrinsics } from './intrinsics';

/**
 * The page-world hook and the content script talk over a channel the page cannot reach: an
 * EventTarget of the content script's, which the page never sees. It is handed over at
 * document_start, before any script of the page has run: the hook (first in the manifest)
 * listens on the window for HANDSHAKE_EVENT, and the content script dispatches it there, at
 * once, as a FocusEvent whose `relatedTarget` is that target (objects do not cross between
 * worlds in an event's detail; an event target does, as a target). A FocusEvent, not a
 * MouseEvent: each world builds the event's interface for it, and FocusEvent's is the
 * smallest that carries a target (one attribute where MouseEvent has some twenty). From then on both sides
 * dispatch on it, and it is in no tree for an event to reach the page through. The event
 * names are no secret: without the target, knowing them gives the page nothing.
 *
 * Details are strings (JSON): each world gets its own copy of a string, never a shared object.
 */
export const HANDSHAKE_EVENT = 'telehealth-guard:handshake';
/** Hook → content script. */
export const TO_CONTENT_EVENT = 'telehealth-guard:to-content';
/** Content script → hook. */
export const TO_HOOK_EVENT = 'telehealth-guard:to-hook';

export interface HookChannel {
  send(detail: string): void;
  onMessage(handler: (detail: unknown) => void): void;
}

/**
 * The hook's end, usable at once: what is sent before the content script has handed its
 * element over goes nowhere (a camera request then times out and is refused), and handlers
 * start hearing once it has.
 */
export function awaitChannel(win: Window, intrinsics: Intrinsics): HookChannel {
  const { apply, addEventListener, removeEventListener, dispatchEvent, relatedTargetOf, detailOf, CustomEvent: Custom } = intrinsics;
  let node: EventTarget | null = null;
  const handlers: ((detail: unknown) => void)[] = [];
  const listen = (target: EventTarget, handler: (detail: unknown) => void): void => {
    apply(addEventListener, target, [
      TO_HOOK_EVENT,
      (message: Event) => {
        handler(detailOf(message));
      },
    ]);
  };
  const listener = (event: Event): void => {
    apply(removeEventListener, win, [HANDSHAKE_EVENT, listener, true]);
    node = relatedTargetOf(event);
    if (node) for (const handler of handlers) listen(node, handler);
  };
  apply(addEventListener, win, [HANDSHAKE_EVENT, listener, true]);
  return {
    send: (detail) => {
      if (node) apply(dispatchEvent, node, [new Custom(TO_CONTENT_EVENT, { detail })]);
    },
    onMessage: (handler) => {
      // Kept in an array filled before the page runs; read by index, never by the page's methods.
      handlers[handlers.length] = handler;
      if (node) listen(node, handler);
    },
  };
}

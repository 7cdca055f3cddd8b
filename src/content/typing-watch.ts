/** Editable things a chat widget takes messages in. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return ['text', 'search', 'email', ''].includes(target.type);
  return (target as HTMLElement).isContentEditable;
}

/**
 * Calls `onFirstTyping` once, at the first key typed into an editable element of this
 * document (looking through open shadow roots). Used in frames only: chat widgets live in
 * their own frames, and the background decides whether this frame is one.
 */
export function watchFirstTyping(win: Window, onFirstTyping: () => void): void {
  watchTyping(win, () => {
    onFirstTyping();
    return true;
  });
}

export interface TypingWatch {
  /** `document.open()` took every listener off the window: the watch's goes back on (until it is done). */
  listenAgain(): void;
}

/** A key, and text put in without one: pasted from the context menu, dropped, inserted by an input method. */
const TYPING_EVENTS = ['keydown', 'beforeinput'] as const;

/** A key that writes a character (not Tab, an arrow, Escape, a shortcut, or the space bar, which also scrolls a page). */
function writesText(event: Event): boolean {
  if (event.type !== 'keydown') return true;
  const { key, ctrlKey, metaKey, altKey } = event as KeyboardEvent;
  return typeof key === 'string' && key.length === 1 && key !== ' ' && !ctrlKey && !metaKey && !altKey;
}

/**
 * Calls `onTyping` at each key typed (or text put) into this document until it returns true
 * (it has what it waited for), then stops listening. `into`: `'editable'`, only into a text
 * field or editable element seen from here (a chat widget's box); `'anywhere'`, any text the
 * user writes, wherever the focus is: a field of any type, a closed shadow root, an element
 * a page made into a field of its own.
 */
export function watchTyping(win: Window, onTyping: () => boolean, into: 'editable' | 'anywhere' = 'editable'): TypingWatch {
  let done = false;
  const listen = (): void => {
    // Adding a listener that is still on is a no-op: no need to know whether it was taken off.
    for (const type of TYPING_EVENTS) win.addEventListener(type, listener, true);
  };
  const listener = (event: Event): void => {
    if (into === 'editable' ? !isEditable(event.composedPath()[0] ?? event.target) : !writesText(event)) return;
    if (!onTyping()) return;
    done = true;
    for (const type of TYPING_EVENTS) win.removeEventListener(type, listener, true);
  };
  listen();
  return {
    listenAgain() {
      if (!done) listen();
    },
  };
}

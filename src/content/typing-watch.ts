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
  const listener = (event: KeyboardEvent): void => {
    if (!isEditable(event.composedPath()[0] ?? event.target)) return;
    win.removeEventListener('keydown', listener, true);
    onFirstTyping();
  };
  win.addEventListener('keydown', listener, true);
}

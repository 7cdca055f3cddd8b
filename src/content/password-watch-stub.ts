import type { PasswordWatch } from './password-watch';
import { typingRecordOf, type TypingRecord } from './typing-record';

/**
 * What every page and frame runs of the password watch: its listeners, on the window before
 * the page's own (a page that stops every key cannot keep them from us), and nothing else. At
 * the user's first key the watch itself (password-watch.ts, a script of its own) is asked
 * for: the background injects it only where there is something to do (a sign-in site, or
 * another platform's password protected). The keys typed meanwhile wait for it and are handed
 * over in order. A page where nobody types never compiles the watch.
 */

const TYPING_EVENTS = ['keydown', 'paste', 'drop', 'compositionstart', 'input'] as const;
/** Keys kept while the watch is being loaded (a few ms): more means it is not coming. */
const MAX_WAITING = 200;
/** After the background said there is nothing to watch here, how long before it is asked again. */
const ASK_AGAIN_MS = 5_000;

export interface PasswordWatchStub {
  /** `document.open()` took every listener off the window: they go back on. */
  listenAgain(): void;
}

export function watchPasswordTyping(win: Window, load: () => Promise<PasswordWatch | undefined>): PasswordWatchStub {
  let watch: PasswordWatch | undefined;
  let waiting: TypingRecord[] | undefined;
  let askAfter = 0;

  /** Asks for the watch, with the key that made it wanted as the first to hand over. */
  const loadFor = (first: TypingRecord): void => {
    waiting = [first];
    load()
      .catch(() => undefined)
      .then((loaded) => {
        const typed = waiting ?? [];
        waiting = undefined;
        if (!loaded) {
          askAfter = Date.now() + ASK_AGAIN_MS;
          return;
        }
        watch = loaded;
        for (const record of typed) loaded.handle(record);
      }, () => undefined);
  };

  const listener = (event: Event): void => {
    if (!event.isTrusted) return;
    if (watch) {
      watch.handle(typingRecordOf(event));
      return;
    }
    if (waiting) {
      if (waiting.length < MAX_WAITING) waiting.push(typingRecordOf(event));
      return;
    }
    if (Date.now() >= askAfter) loadFor(typingRecordOf(event));
  };

  const listen = (): void => {
    for (const type of TYPING_EVENTS) win.addEventListener(type, listener, true);
    watch?.listenAgain();
  };
  listen();
  return { listenAgain: listen };
}

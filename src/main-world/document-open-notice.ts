import { DOCUMENT_OPENED_TEXT } from './call-events';
import type { Intrinsics } from './intrinsics';
import type { HookChannel } from './private-channel';

/**
 * `document.open()` takes every event listener off the window and the document, whichever
 * world added them: the password guard's too. The content script can only notice afterwards
 * (its root element changed), by which time the page's own script may have put a keylogger
 * back first. So the hook tells it at once, inside the call, over the private channel, and
 * the guard's listeners go back on before the page's next line runs.
 *
 * `document.write()` when no parser is running (after load) opens the document by itself, and
 * the markup it writes may carry scripts that run during the write: such a write is preceded
 * here by an explicit open, told the same way, so the guard is back before those scripts run.
 */
export function noticeDocumentOpen(win: Window & typeof globalThis, channel: HookChannel, { apply, defineProperty, getOwnPropertyDescriptor }: Intrinsics): void {
  const proto = (getOwnPropertyDescriptor(win, 'Document')?.value as { prototype?: Document } | undefined)?.prototype;
  if (!proto) return;
  const method = (name: string): ((...args: unknown[]) => unknown) | undefined => {
    const value = getOwnPropertyDescriptor(proto, name)?.value as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined;
  };
  const [open, write, writeln] = [method('open'), method('write'), method('writeln')];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the document as `this`
  const readyState = getOwnPropertyDescriptor(proto, 'readyState')?.get;
  if (!open || !readyState) return;
  const nativeOpen = open;
  const readyStateOf = readyState;

  function opened(this: Document, ...args: unknown[]): unknown {
    const result = apply(nativeOpen, this, args);
    // Three arguments make it window.open: nothing of this document was cleared.
    if (args.length < 3) channel.send(DOCUMENT_OPENED_TEXT);
    return result;
  }
  const writing = (native: (...args: unknown[]) => unknown) =>
    function (this: Document, ...text: unknown[]): void {
      // No parser running: this write would open the document itself.
      if (apply(readyStateOf, this, []) !== 'loading') apply(opened, this, []);
      apply(native, this, text);
    };

  const replace = (name: string, value: unknown): void => {
    defineProperty(proto, name, { __proto__: null, value, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  };
  replace('open', opened);
  if (write) replace('write', writing(write));
  if (writeln) replace('writeln', writing(writeln));
}

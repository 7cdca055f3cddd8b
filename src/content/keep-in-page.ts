import { documentElementOf } from './safe-dom';

export interface KeepOptions {
  /** Repairs allowed within `windowMs` before giving up. */
  maxRepairs?: number;
  windowMs?: number;
}

/**
 * Keeps one of our hosts (the alert, the guard's overlay) on the page while it is meant to be
 * shown: a page that removes or moves it gets it put back as a child of the root element, and
 * one that touches its attributes (style, hidden, inert, ...) gets them reset to `hostStyle`
 * alone. Styles are the other half (an inline `!important` style and `:host` rules with
 * `!important`, which page rules can't beat). A page that fights back in a loop would win
 * anyway and burn the CPU doing it: after too many repairs in a short time we stop, and say so.
 * Returns the function that stops watching.
 */
export function keepInPage(doc: Document, host: HTMLElement, hostStyle: string, { maxRepairs = 10, windowMs = 1000 }: KeepOptions = {}): () => void {
  const repairs: number[] = [];
  // Our own attributes (data-kind) as the host had them when handed over: the page's go.
  const own = new Map(host.getAttributeNames().filter((name) => name !== 'style').map((name) => [name, host.getAttribute(name) ?? '']));
  const restyle = (): void => {
    for (const name of host.getAttributeNames()) if (name !== 'style' && !own.has(name)) host.removeAttribute(name);
    for (const [name, value] of own) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    host.setAttribute('style', hostStyle);
  };
  const observer = new MutationObserver((records) => {
    const root = documentElementOf(doc);
    const moved = root !== null && host.parentNode !== root;
    const touched = records.some((record) => record.target === host && record.type === 'attributes');
    if (!moved && !touched) return;
    const now = Date.now();
    while (repairs.length > 0 && now - repairs[0]! > windowMs) repairs.shift();
    if (repairs.push(now) > maxRepairs) {
      observer.disconnect();
      console.warn(`Telehealth Guard: this page removed or restyled the warning ${maxRepairs} times within ${windowMs} ms; leaving it be.`);
      return;
    }
    if (moved) root.append(host);
    if (touched) restyle();
    watch();
    // Our own repairs queued records of their own: they are no attack.
    observer.takeRecords();
  });
  const watch = (): void => {
    observer.disconnect();
    // The document too, in case the page swaps its root element for another.
    observer.observe(doc, { childList: true });
    const root = documentElementOf(doc);
    if (root) observer.observe(root, { childList: true });
    observer.observe(host, { attributes: true });
  };
  restyle();
  watch();
  return () => {
    observer.disconnect();
  };
}

import { createElement } from './safe-dom';

/**
 * The calls the page UI's widgets make on the page's window and document beyond safe-dom's, made
 * the same way: through this world's prototypes, never through the object. Named elements
 * shadow members (`<img name="addEventListener">` is `document.addEventListener`, and a window's
 * named properties sit before EventTarget's methods), and the page cannot touch our prototypes.
 * Our own elements (hosts, buttons) have no named properties.
 */

function lookUp<T>(find: () => T | undefined): () => T | undefined {
  let found: T | undefined;
  let looked = false;
  return () => {
    if (!looked) {
      found = find();
      looked = true;
    }
    return found;
  };
}

type AddListener = (this: EventTarget, type: string, handler: (event: Event) => void, options: AddEventListenerOptions) => void;
const addListener = lookUp(() => Object.getOwnPropertyDescriptor(EventTarget.prototype, 'addEventListener')?.value as AddListener | undefined);
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the document as `this`
const fullscreenGetter = lookUp(() => Object.getOwnPropertyDescriptor(Document.prototype, 'fullscreenElement')?.get);
type ElementFromPoint = (this: Document, x: number, y: number) => Element | null;
const elementFromPoint = lookUp(() => Object.getOwnPropertyDescriptor(Document.prototype, 'elementFromPoint')?.value as ElementFromPoint | undefined);

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the document as `this`
const implementationGetter = lookUp(() => Object.getOwnPropertyDescriptor(Document.prototype, 'implementation')?.get);
const inertDocuments = new WeakMap<Document, Document>();

/**
 * An element of ours with a name a page may have claimed (`customElements.define(
 * 'telehealth-guard-alert', …)` in the page's world): made in a document with no browsing
 * context, which has no custom elements, so no constructor of the page runs while we make it and
 * our closed shadow root is attached first. When it joins the page, the page's definition may
 * still upgrade it, but its constructor can no longer attach a shadow root of its own (measured,
 * Chromium 156: made in the page's document instead, the page's constructor ran first, took the
 * shadow root and no warning could be shown at all).
 */
export function unclaimedElement(doc: Document, tag: string): HTMLElement {
  let inert = inertDocuments.get(doc);
  if (!inert) {
    const implementation = implementationGetter()?.call(doc) as DOMImplementation | undefined;
    inert = implementation?.createHTMLDocument('') ?? doc;
    inertDocuments.set(doc, inert);
  }
  return createElement(inert, tag);
}

/**
 * Adds a listener that goes away with `signal`: a widget's every listener is tied to the
 * widget's one teardown, so none is left behind to be removed by hand.
 */
export function listen(target: EventTarget, type: string, handler: (event: Event) => void, signal: AbortSignal, capture = false): void {
  if (signal.aborted) return;
  addListener()?.call(target, type, handler, { signal, capture });
}

/** `document.fullscreenElement`, or null where the browser (jsdom) has none. */
export function fullscreenElementOf(doc: Document): Element | null {
  const get = fullscreenGetter();
  return get ? (get.call(doc) as Element | null) : null;
}

/**
 * The element a click at (x, y) would reach, retargeted out of shadow trees (our own content
 * gives our host); undefined where the browser cannot tell (jsdom). Hit testing skips inert
 * elements: a widget under a page's later modal dialog is not found here (measured, Chromium 156).
 */
export function elementAt(doc: Document, x: number, y: number): Element | null | undefined {
  const at = elementFromPoint();
  return at ? at.call(doc, x, y) : undefined;
}

/** An element of ours, with its class and text (text nodes only: nothing here parses HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = createElement(doc, tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Runs `stop` when `signal` aborts (at once if it has). */
export function onAbort(signal: AbortSignal, stop: () => void): void {
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
}

/** A timer that dies with `signal` (and lets go of it once it has run). */
export function later(signal: AbortSignal, ms: number, run: () => void): void {
  if (signal.aborted) return;
  const stop = (): void => {
    clearTimeout(timer);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', stop);
    run();
  }, ms);
  signal.addEventListener('abort', stop, { once: true });
}
